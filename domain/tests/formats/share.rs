//! Share links: round trips, link length for a complete full assessment, and bad links refused without panics.

use crate::common;

use aims_domain::formats::share::{self, MAX_LINK_CHARS};
use aims_domain::model::profile::{Capacity, EuRole, Screening};
use aims_domain::{AiRole, Answer, Certification, HighRisk, Profile, Questionnaire, SizeBand};
use common::{all_at, catalogue, questionnaire, quick_scan};
use std::fs;
use std::path::Path;
use std::rc::Rc;

fn profile() -> Profile {
    Profile {
        size: Some(SizeBand::Enterprise),
        roles: [AiRole::Uses, AiRole::Provides].into(),
        systems: 42,
        certifications: Some([Certification::Iso27001, Certification::Iso27701].into()),
        high_risk: Some(HighRisk::NotSure),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: aims_domain::model::date::Date::parse("2027-09-30"),
        capacity: None,
    }
}

/// A complete full assessment: every item answered, mixing levels, don't know and N/A.
fn complete_full() -> (Rc<Questionnaire>, aims_domain::Answers) {
    let q = Rc::new(questionnaire("iso42001-full.json"));
    let mut answers = all_at(&q, 0);
    let user = Profile {
        roles: [AiRole::Uses].into(),
        ..profile()
    };
    for (n, item) in q.items().enumerate() {
        let answer = match (item.suggested_na(&user), n % 5) {
            (Some(why), _) => Answer::NotApplicable(why.to_string()),
            (None, 4) => Answer::DontKnow,
            (None, k) => Answer::Level(k as u8 % 4),
        };
        answers.set(&q, &item.id, answer).unwrap();
    }
    answers
        .set(
            &q,
            "A.5.5",
            Answer::NotApplicable(
                "Our only AI system is an internal spell checker with no societal reach.".into(),
            ),
        )
        .unwrap();
    (q, answers)
}

#[test]
fn a_complete_full_assessment_fits_in_a_short_link() {
    let (q, answers) = complete_full();
    let link = share::encode(&q, &profile(), &answers);
    let restored = share::decode(&format!("#{link}"), &catalogue()).unwrap();
    assert_eq!(restored.questionnaire.id, q.id);
    assert_eq!(restored.profile, profile());
    assert_eq!(restored.answers, answers);
    // 70 answers, the profile, eight suggested justifications by reference and one custom text.
    println!(
        "share link for a complete full assessment: {} characters after '#'",
        link.len()
    );
    assert!(link.len() < 220, "link is {} characters", link.len());

    let mut plain = answers.clone();
    plain.set(&q, "A.5.5", Answer::Level(1)).unwrap();
    let short = share::encode(&q, &profile(), &plain);
    println!("without a custom justification: {} characters", short.len());
    assert!(short.len() < 130);
}

#[test]
fn the_eu_supply_chain_roles_and_a_changed_team_travel_in_the_link() {
    let (q, answers) = complete_full();
    let mut changed = profile();
    changed.eu_roles = [EuRole::Importer, EuRole::AuthorisedRepresentative].into();
    changed.capacity = Some(Capacity {
        people: 3,
        days_tenths: 25,
        owner_days_tenths: 5,
    });
    let link = share::encode(&q, &changed, &answers);
    let restored = share::decode(&format!("#{link}"), &catalogue()).unwrap();
    assert_eq!(restored.profile, changed);
    assert!(restored.dropped.is_empty(), "{:?}", restored.dropped);
    // Eight bytes more; a link without them has no trace of them, so older widgets open it.
    let plain = share::encode(&q, &profile(), &answers);
    assert!(link.len() - plain.len() <= 12, "{link}\n{plain}");
    let bytes = |link: &str| link.len() * 3 / 4;
    assert!(bytes(&link) - bytes(&plain) >= 8, "{link}\n{plain}");
}

#[test]
fn an_empty_assessment_and_the_quick_scan_round_trip_too() {
    let q = Rc::new(quick_scan());
    let empty = share::encode(&q, &Profile::default(), &Default::default());
    let r = share::decode(&empty, &catalogue()).unwrap();
    assert_eq!(r.profile, Profile::default());
    assert!(r.answers.is_empty());
    let all = all_at(&q, 3);
    let r = share::decode(&share::encode(&q, &profile(), &all), &catalogue()).unwrap();
    assert_eq!(r.answers, all);
}

fn bad_links() -> Vec<(&'static str, String, &'static str)> {
    let (q, answers) = complete_full();
    let good = share::encode(&q, &profile(), &answers);
    let body = good.strip_prefix(share::PREFIX).unwrap().to_string();
    let other = share::encode(
        &Rc::new(Questionnaire {
            id: "someone-else".into(),
            ..(*q).clone()
        }),
        &profile(),
        &answers,
    );
    let older = share::encode(
        &Rc::new(Questionnaire {
            version: "0.9.0".into(),
            ..(*q).clone()
        }),
        &profile(),
        &answers,
    );
    // A later link format with sound check digits: made by a newer widget, not damaged.
    let mut newer = bytes_of(&good);
    newer.truncate(newer.len() - 4);
    newer[0] = 3;
    let check = share::crc32(&newer).to_be_bytes();
    newer.extend(check);
    vec![
        (
            "newer link format",
            link_of(&newer),
            "newer version of this widget (link format 3)",
        ),
        ("no prefix", body.clone(), "does not contain shared results"),
        ("empty", share::PREFIX.to_string(), "damaged"),
        ("truncated", good[..good.len() / 2].to_string(), "damaged"),
        (
            "one character cut",
            good[..good.len() - 1].to_string(),
            "damaged",
        ),
        ("extra data", format!("{good}AAAA"), "damaged"),
        (
            "bad characters",
            format!("{}%3Cscript%3E", share::PREFIX),
            "characters a link never has",
        ),
        (
            "spaces",
            format!("{} {}", share::PREFIX, body),
            "characters a link never has",
        ),
        ("other questionnaire", other, "does not have"),
        ("older version", older, "version 0.9.0"),
        (
            "huge",
            format!("{}{}", share::PREFIX, "A".repeat(MAX_LINK_CHARS + 1)),
            "far more",
        ),
        (
            "wrong format",
            format!("{}{}", share::PREFIX, "AA"),
            "unknown link format",
        ),
        (
            "later format too short for check digits",
            format!("{}{}", share::PREFIX, "Bw"),
            "damaged",
        ),
    ]
}

#[test]
fn bad_links_are_refused_with_a_reason() {
    for (name, link, fragment) in bad_links() {
        let err = share::decode(&link, &catalogue()).expect_err(name);
        // Quoted values are isolated (U+2068 … U+2069); match the words around them.
        let message = err.to_string().replace(['\u{2068}', '\u{2069}'], "");
        assert!(message.contains(fragment), "{name}: {err}");
    }
}

#[test]
fn tampered_answer_codes_are_refused_and_any_justification_round_trips() {
    let q = Rc::new(quick_scan());
    // What the widget lets a person type travels unchanged, markup-like or not.
    let mut answers = all_at(&q, 1);
    let annex: Vec<String> = q
        .items()
        .filter(|i| i.can_be_not_applicable())
        .map(|i| i.id.clone())
        .collect();
    let texts = [
        "<b>not ours</b> Owner: Jane <jane@example.org>",
        "javascript:alert(1) 🙂 نص \u{202e}x\u{202c}",
        "bell \u{7}\r\nnext line",
    ];
    for (id, text) in annex.iter().zip(texts) {
        answers
            .set(&q, id, Answer::NotApplicable(text.into()))
            .unwrap();
    }
    let link = share::encode(&q, &profile(), &answers);
    let back = share::decode(&link, &catalogue()).unwrap();
    assert_eq!(back.answers, answers);
    // N/A on a clause item cannot be produced by the app, but a hand-made link can try.
    let mut clause_na = all_at(&q, 1);
    clause_na.insert_unchecked("4.1", Answer::NotApplicable("no".into()));
    let err = share::decode(&share::encode(&q, &profile(), &clause_na), &catalogue())
        .unwrap_err()
        .to_string();
    assert!(err.contains("never be not applicable"), "{err}");
}

fn bytes_of(link: &str) -> Vec<u8> {
    let body = link.strip_prefix(share::PREFIX).unwrap();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in body.bytes() {
        acc = acc << 6 | alphabet.iter().position(|a| *a == c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn link_of(bytes: &[u8]) -> String {
    format!("{}{}", share::PREFIX, share::base64url(bytes))
}

#[test]
fn every_flipped_bit_is_caught_by_the_check_digits() {
    let (q, answers) = complete_full();
    let link = share::encode(&q, &profile(), &answers);
    let bytes = bytes_of(&link);
    let mut refused = 0;
    for at in 0..bytes.len() * 8 {
        let mut damaged = bytes.clone();
        damaged[at / 8] ^= 0x80 >> (at % 8);
        let err =
            share::decode(&link_of(&damaged), &catalogue()).expect_err("a flipped bit is refused");
        assert!(
            err.to_string().contains("damaged")
                || err.to_string().contains("does not have")
                || err.to_string().contains("version"),
            "{err}"
        );
        refused += 1;
    }
    assert_eq!(refused, bytes.len() * 8);
}

#[test]
fn scales_of_every_allowed_size_round_trip() {
    let base = quick_scan();
    for levels in 2..=6u8 {
        let mut q = base.clone();
        q.id = format!("scale-{levels}");
        q.scale.levels = (0..levels)
            .map(|v| aims_domain::model::questionnaire::Level {
                value: v,
                label: format!("L{v}"),
                meaning: "m".into(),
            })
            .collect();
        let q = Rc::new(q);
        let mut answers = aims_domain::Answers::default();
        for (n, item) in q.items().enumerate() {
            let answer = match n % (usize::from(levels) + 2) {
                k if k < usize::from(levels) => Answer::Level(k as u8),
                k if k == usize::from(levels) => Answer::DontKnow,
                _ if item.can_be_not_applicable() => Answer::NotApplicable("not ours".into()),
                _ => Answer::Level(levels - 1),
            };
            answers.set(&q, &item.id, answer).unwrap();
        }
        let link = share::encode(&q, &profile(), &answers);
        let back = share::decode(&link, &[Rc::clone(&q)]).unwrap();
        assert_eq!(back.answers, answers, "{levels} levels");
        assert_eq!(back.profile, profile());
    }
}

/// A format 1 link, as the widget made them before format 2: fixed 3-bit codes, no check digits.
fn v1_link(q: &Questionnaire, answers: &[(usize, u8)]) -> String {
    let mut bytes = vec![1u8];
    for text in [&q.id, &q.version] {
        bytes.push(text.len() as u8);
        bytes.extend(text.as_bytes());
    }
    // Medium, uses + provides; ISO 27001 held (answered); not sure; 42 systems; no target.
    bytes.push(2 | (0b110 << 3));
    bytes.push(1 | 1 << 3 | 3 << 4);
    bytes.extend(42u16.to_be_bytes());
    bytes.extend(0u16.to_be_bytes());
    let count = q.items().count();
    let mut packed = vec![0u8; (count * 3).div_ceil(8)];
    for &(n, code) in answers {
        for bit in 0..3 {
            if code >> (2 - bit) & 1 == 1 {
                let at = n * 3 + bit;
                packed[at / 8] |= 0x80 >> (at % 8);
            }
        }
    }
    bytes.extend(packed);
    link_of(&bytes)
}

#[test]
fn links_made_in_format_1_still_open() {
    let q = quick_scan();
    // Item 0 at level 2, item 1 don't know, item 2 level 3.
    let link = v1_link(&q, &[(0, 3), (1, 5), (2, 4)]);
    let r = share::decode(&link, &catalogue()).unwrap();
    let ids: Vec<&str> = q.items().map(|i| i.id.as_str()).collect();
    assert_eq!(r.answers.get(ids[0]), Some(&Answer::Level(2)));
    assert_eq!(r.answers.get(ids[1]), Some(&Answer::DontKnow));
    assert_eq!(r.answers.get(ids[2]), Some(&Answer::Level(3)));
    assert_eq!(r.answers.len(), 3);
    assert_eq!(r.profile.size, Some(SizeBand::Medium));
    assert_eq!(r.profile.systems, 42);
    assert_eq!(r.profile.high_risk, Some(HighRisk::NotSure));
    assert!(r.profile.holds(Certification::Iso27001));
}

#[test]
fn the_share_corpus_never_panics() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/corpus/share");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        for (name, link, _) in bad_links() {
            if link.len() <= 4096 {
                fs::write(dir.join(format!("{}.txt", name.replace(' ', "-"))), link).unwrap();
            }
        }
    }
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let text = String::from_utf8_lossy(&fs::read(entry.unwrap().path()).unwrap()).to_string();
        assert!(share::decode(&text, &catalogue()).is_err());
        count += 1;
    }
    assert!(
        count >= 10,
        "refresh the corpus with UPDATE_SNAPSHOTS=1 cargo test --test share"
    );
}

/// Links made before version 2.0.0 (format 1, questionnaire version 1.0.0) open: the
/// questionnaire's items did not change since 1.0.0, so they are carried over item by item, and
/// the link says so. One is kept in tests/corpus/share-accepted.
#[test]
fn links_made_with_version_1_0_0_are_carried_over() {
    let q = quick_scan();
    let old = Questionnaire {
        version: "1.0.0".into(),
        ..q.clone()
    };
    let link = v1_link(&old, &[(0, 3), (1, 5), (23, 2)]);
    let dir =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("tests/corpus/share-accepted");
    let kept = dir.join("quick-scan-1.0.0-format-1.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(&dir).unwrap();
        fs::write(&kept, &link).unwrap();
    }
    assert_eq!(
        fs::read_to_string(&kept).unwrap(),
        link,
        "refresh with UPDATE_SNAPSHOTS=1"
    );
    assert_eq!(q.items_unchanged_since.as_deref(), Some("1.0.0"));
    let r = share::decode(&link, &catalogue()).unwrap();
    assert_eq!(r.migrated_from.as_deref(), Some("1.0.0"));
    assert_eq!(r.questionnaire.version, q.version);
    let ids: Vec<&str> = q.items().map(|i| i.id.as_str()).collect();
    assert_eq!(r.answers.get(ids[0]), Some(&Answer::Level(2)));
    assert_eq!(r.answers.get(ids[1]), Some(&Answer::DontKnow));
    assert_eq!(r.answers.get(ids[23]), Some(&Answer::Level(1)));
    // Every link kept there opens.
    for entry in fs::read_dir(&dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(share::decode(&text, &catalogue()).is_ok(), "{text}");
    }
    // A questionnaire that does not vouch for its items since then still refuses them.
    let strict = Rc::new(Questionnaire {
        items_unchanged_since: None,
        ..q.clone()
    });
    let err = share::decode(&link, &[strict]).unwrap_err();
    assert!(
        err.to_string().contains("version \u{2068}1.0.0\u{2069}"),
        "{err}"
    );
    // A later version than this widget's is never guessed at.
    let later = v1_link(
        &Questionnaire {
            version: "2.1.0".into(),
            ..q.clone()
        },
        &[(0, 3)],
    );
    let err = share::decode(&later, &catalogue()).unwrap_err();
    assert!(
        err.to_string().contains("version \u{2068}2.1.0\u{2069}"),
        "{err}"
    );
}

/// The link decoder at each edge: the longest link is read (and judged on what it holds), one
/// character more is too long; a format-2 link of four bytes ends too early (it has no room for
/// its check digits); a link of a version this widget still has opens as that version.
#[test]
fn the_link_decoder_decides_each_edge_exactly() {
    use aims_domain::formats::share::{ShareError, PREFIX};
    use aims_domain::model::i18n::Lang;
    let catalogue = catalogue();
    let longest = format!("#{PREFIX}{}", "*".repeat(MAX_LINK_CHARS));
    let err = share::decode(&longest, &catalogue).unwrap_err();
    assert!(
        err.message(Lang::En)
            .contains("characters a link never has"),
        "{err:?}"
    );
    let over = format!("{longest}*");
    assert_eq!(
        share::decode(&over, &catalogue).unwrap_err(),
        ShareError::TooLong(MAX_LINK_CHARS + 1)
    );

    let four = format!("#{PREFIX}{}", share::base64url(&[2, 0, 0, 0]));
    let err = share::decode(&four, &catalogue).unwrap_err();
    assert!(err.message(Lang::En).contains("ends too early"), "{err:?}");

    let newer = Rc::new(quick_scan());
    let mut older = quick_scan();
    older.version = "1.0.0".into();
    let link = share::encode(&older, &profile(), &all_at(&older, 2));
    let both = [Rc::clone(&newer), Rc::new(older)];
    let restored = share::decode(&link, &both).unwrap();
    assert_eq!(
        (
            restored.questionnaire.version.as_str(),
            restored.migrated_from
        ),
        ("1.0.0", None)
    );
}
