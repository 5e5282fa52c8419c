//! The packed content the wasm embeds: every built-in questionnaire in every language comes back
//! exactly as validated, and damaged bytes are refused without a panic.

use aims_domain::formats::catalogue;
use aims_domain::formats::packed::{pack, read, unpack};
use aims_domain::model::condition::Condition;
use aims_domain::model::i18n::{compiled_marks, Lang};

#[test]
fn every_questionnaire_in_every_language_unpacks_exactly_as_validated() {
    let content = catalogue::content(&compiled_marks()).unwrap();
    assert_eq!(content.len(), Lang::ALL.len());
    for c in &content {
        assert_eq!(
            c.questionnaires.len(),
            catalogue::questionnaires().len(),
            "{:?}",
            c.lang
        );
        for q in &c.questionnaires {
            assert_eq!(q.lang(), c.lang, "{} is not in {:?}", q.id, c.lang);
        }
        // Each language carries all its interface texts, English included (the wasm has none).
        assert!(c.texts.fits(), "{:?}", c.lang);
        assert_eq!(c.texts, c.lang.texts(&compiled_marks()).unwrap());
        // A visitor's file of one language reads back on its own.
        assert_eq!(
            unpack(&pack(std::slice::from_ref(c))).as_deref(),
            Some(std::slice::from_ref(c))
        );
    }
    let bytes = pack(&content);
    let back = unpack(&bytes).expect("the packed form reads back");
    assert_eq!(back, content);
}

#[test]
fn truncated_extended_or_foreign_bytes_are_refused_without_a_panic() {
    let bytes = pack(&catalogue::content(&compiled_marks()).unwrap());
    assert!(unpack(&[]).is_none());
    assert!(unpack(b"{\"id\": \"iso42001-quick-scan\"}").is_none());
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(unpack(&longer).is_none(), "trailing bytes");
    // Every cut short of the end fails cleanly (a step keeps the test fast).
    for cut in (0..bytes.len()).step_by(997) {
        assert!(unpack(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    // A condition nested without end (a run of "not") is refused, not a stack overflow.
    let not_not_high_risk = Condition::Not(Box::new(Condition::Not(Box::new(
        Condition::HighRisk(true),
    ))));
    assert_eq!(read::<Condition>(&[5, 5, 2, 1]), Some(not_not_high_risk));
    assert!(read::<Condition>(&[5; 100_000]).is_none());
    // Flipped bytes either fail or give some content; they never panic.
    let mut seed: u32 = 42;
    for _ in 0..300 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let mut damaged = bytes.clone();
        let at = 4 + (seed as usize) % (damaged.len() - 4);
        damaged[at] ^= (seed >> 24) as u8 | 1;
        let _ = unpack(&damaged);
    }
}

/// A text written again is written as the number of its first appearance: the two
/// questionnaires share many texts (their items' titles, levels and actions), which gzip's 32 KB
/// window sees too far apart to share. A reference to a text not read yet is damage.
#[test]
fn a_text_written_again_is_a_reference_to_its_first_appearance() {
    use aims_domain::formats::packed::packed;
    let texts: Vec<String> = [
        "Risk owner",
        "AI policy",
        "Risk owner",
        "Risk owner",
        "AI policy",
    ]
    .map(String::from)
    .to_vec();
    let bytes = packed(&texts);
    // The count, then "Risk owner" (10 bytes: 21) and "AI policy" (9: 19) in full, then the
    // references 0, 0 and 1 (doubled).
    let mut wanted = vec![5, 21];
    wanted.extend(b"Risk owner");
    wanted.push(19);
    wanted.extend(b"AI policy");
    wanted.extend([0, 0, 2]);
    assert_eq!(bytes, wanted);
    assert_eq!(read::<Vec<String>>(&bytes), Some(texts));
    // A reference to the third text when two were read, or one before any: refused.
    assert_eq!(read::<Vec<String>>(&[2, 3, b'a', 4]), None);
    assert_eq!(read::<Vec<String>>(&[1, 0]), None);
    // In the English file, each item title both questionnaires have is written once: the
    // file with both is smaller than the two files with one each (less the one with none) by
    // at least those titles' bytes.
    let content = catalogue::content(&compiled_marks()).unwrap();
    let en = content.iter().find(|c| c.lang == Lang::En).unwrap();
    let size = |questionnaires: Vec<aims_domain::Questionnaire>| {
        let one = aims_domain::formats::packed::LangContent {
            questionnaires,
            ..en.clone()
        };
        pack(&[one]).len()
    };
    let (q0, q1) = (&en.questionnaires[0], &en.questionnaires[1]);
    let titles = |q: &aims_domain::Questionnaire| -> Vec<String> {
        q.sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.title.clone()))
            .collect()
    };
    let second = titles(q1);
    let shared: usize = titles(q0)
        .iter()
        .filter(|t| second.contains(t))
        .map(String::len)
        .sum();
    assert!(shared > 300, "{shared} bytes of titles in both");
    let apart = size(vec![q0.clone()]) + size(vec![q1.clone()]) - size(vec![]);
    let together = size(vec![q0.clone(), q1.clone()]);
    assert!(
        together + shared <= apart,
        "{together} + {shared} > {apart}"
    );
}
