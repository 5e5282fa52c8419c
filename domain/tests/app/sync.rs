//! Two tabs on one stored assessment, natively: saves merge what the other tab wrote, a write
//! that races another is merged against the right ancestor, unreadable data is moved aside
//! (every time, the newest copies kept) and never overwritten, a full store says so.

use crate::common;

use aims_domain::app::sync::{backups, MemoryStore, SaveRefused, Store, Tracker, BACKUPS_KEPT};
use aims_domain::formats::saved::{self, SaveMeta, Snapshot, Source};
use aims_domain::model::i18n::Lang;
use aims_domain::model::profile::Screening;
use aims_domain::{AiRole, Answer, HighRisk, Profile, Questionnaire, SizeBand};
use common::quick_scan;
use std::rc::Rc;

fn q() -> Rc<Questionnaire> {
    Rc::new(quick_scan())
}

fn meta(at: &str) -> SaveMeta {
    SaveMeta {
        saved_at: format!("2026-12-01T10:00:{at}.000Z"),
        assessment: Some("abc".into()),
        parent: None,
    }
}

fn start(q: &Rc<Questionnaire>) -> (MemoryStore, Snapshot) {
    let profile = Profile {
        size: Some(SizeBand::Small),
        roles: [AiRole::Uses].into(),
        systems: 2,
        certifications: Some(Default::default()),
        high_risk: Some(HighRisk::No),
        prohibited: Some(Screening::No),
        eu_roles: Default::default(),
        target_date: None,
        capacity: None,
    };
    let snapshot = Snapshot {
        profile,
        ..Snapshot::default()
    };
    let mut store = MemoryStore::default();
    let text = saved::encode_snapshot(q, &snapshot, &meta("00"));
    store.set(&q.storage_key(), &text);
    (store, snapshot)
}

/// A tab that opened the assessment from `store`.
fn tab(store: &MemoryStore, q: &Rc<Questionnaire>) -> Tracker {
    let text = store.get(&q.storage_key());
    let read = text
        .as_deref()
        .map(|t| saved::decode(t, std::slice::from_ref(q), Source::Storage).unwrap());
    Tracker::new(q.storage_key(), text.as_deref(), read.as_ref())
}

fn with(snapshot: &Snapshot, q: &Questionnaire, item: &str, level: u8) -> Snapshot {
    let mut next = snapshot.clone();
    next.answers.set(q, item, Answer::Level(level)).unwrap();
    next
}

fn stored(store: &MemoryStore, q: &Rc<Questionnaire>) -> Snapshot {
    let text = store.get(&q.storage_key()).unwrap();
    saved::decode(&text, std::slice::from_ref(q), Source::Storage)
        .unwrap()
        .snapshot()
}

#[test]
fn a_save_merges_what_another_tab_wrote_since() {
    let q = q();
    let (mut store, base) = start(&q);
    let (mut a, mut b) = (tab(&store, &q), tab(&store, &q));
    let ours_a = with(&base, &q, "4.1", 2);
    a.save(&mut store, &q, &ours_a, &meta("01")).unwrap();
    let ours_b = with(&base, &q, "5.2", 3);
    let saved_b = b.save(&mut store, &q, &ours_b, &meta("02")).unwrap();
    let both = with(&ours_a, &q, "5.2", 3);
    assert_eq!(
        saved_b.merged,
        Some(both.clone()),
        "tab B shows A's answer too"
    );
    assert_eq!(stored(&store, &q), both);
    // Tab A hears of B's write and simply takes it: nothing of A's is missing there.
    let text = store.get(&q.storage_key()).unwrap();
    let incoming = a.incoming(&q, &ours_a, &text, Lang::En).unwrap();
    assert_eq!(incoming.merged, both);
    assert!(!incoming.needs_save);
}

#[test]
fn two_writes_in_the_same_moment_lose_no_answer() {
    let q = q();
    let (mut store, base) = start(&q);
    let (mut a, mut b) = (tab(&store, &q), tab(&store, &q));
    // Each tab's view of storage is stale for a moment (as localStorage across processes is):
    // both write on top of the same stored text, and B's write lands last.
    let mut view_b = store.clone();
    let ours_a = with(&base, &q, "4.1", 2);
    a.save(&mut store, &q, &ours_a, &meta("01")).unwrap();
    let ours_b = with(&base, &q, "5.2", 3);
    b.save(&mut view_b, &q, &ours_b, &meta("01")).unwrap();
    let text_a = store.get(&q.storage_key()).unwrap();
    let text_b = view_b.get(&q.storage_key()).unwrap();
    store.set(&q.storage_key(), &text_b);
    assert!(
        stored(&store, &q).answers.get("4.1").is_none(),
        "A's answer is overwritten for now"
    );

    // A hears of B's write: merged against the text both started from, A's answer is kept.
    let incoming = a.incoming(&q, &ours_a, &text_b, Lang::En).unwrap();
    let both = with(&ours_a, &q, "5.2", 3);
    assert_eq!(incoming.merged, both);
    assert!(incoming.needs_save);
    a.save(&mut store, &q, &incoming.merged, &meta("02"))
        .unwrap();
    assert_eq!(stored(&store, &q), both, "storage holds both answers");

    // B hears of A's first write late, then of A's merged one: it ends with both and stops.
    let late = b.incoming(&q, &ours_b, &text_a, Lang::En).unwrap();
    assert_eq!(late.merged, both);
    let merged_text = store.get(&q.storage_key()).unwrap();
    let last = b
        .incoming(&q, &late.merged, &merged_text, Lang::En)
        .unwrap();
    assert_eq!(last.merged, both);
    assert!(!last.needs_save, "no endless back and forth");
    let again = b.save(&mut store, &q, &last.merged, &meta("03")).unwrap();
    assert_eq!(again.merged, None);
    assert_eq!(stored(&store, &q), both);
}

#[test]
fn unreadable_data_is_moved_aside_before_a_save_and_every_copy_is_kept() {
    let q = q();
    let (mut store, base) = start(&q);
    let mut a = tab(&store, &q);
    let key = q.storage_key();
    let mut ours = base.clone();
    for n in 0..(BACKUPS_KEPT + 2) {
        // Another tab (or an older or newer widget) writes something this tab cannot read.
        let garbage = format!("{{\"format\": 99, \"n\": {n}}}");
        store.set(&key, &garbage);
        ours = with(&ours, &q, "4.1", (n % 4) as u8);
        let saved = a
            .save(&mut store, &q, &ours, &meta(&format!("{:02}", 10 + n)))
            .unwrap();
        let moved = saved.moved_aside.expect("moved aside");
        assert_eq!(
            store.get(&moved).as_deref(),
            Some(garbage.as_str()),
            "kept exactly"
        );
        assert_eq!(stored(&store, &q), ours);
    }
    let kept = backups(&store, &key);
    assert_eq!(kept.len(), BACKUPS_KEPT, "{kept:?}");
    // The newest copies survive, each under its own dated key.
    assert!(kept.last().unwrap().ends_with(&format!(
        "2026-12-01T10:00:{:02}.000Z",
        10 + BACKUPS_KEPT + 1
    )));
    assert!(kept.iter().all(|k| k.contains(":unreadable:2026-12-01T")));
}

#[test]
fn when_unreadable_data_cannot_be_kept_nothing_overwrites_it() {
    let q = q();
    let (mut store, base) = start(&q);
    let mut a = tab(&store, &q);
    store.set(&q.storage_key(), "not json at all");
    store.full = true;
    let refused = a.save(&mut store, &q, &with(&base, &q, "4.1", 1), &meta("05"));
    assert_eq!(refused, Err(SaveRefused::CannotMoveAside));
    assert_eq!(
        store.get(&q.storage_key()).as_deref(),
        Some("not json at all")
    );
}

#[test]
fn a_full_store_refuses_the_save() {
    let q = q();
    let (mut store, base) = start(&q);
    let mut a = tab(&store, &q);
    store.full = true;
    let refused = a.save(&mut store, &q, &with(&base, &q, "4.1", 1), &meta("05"));
    assert_eq!(refused, Err(SaveRefused::Full));
}

#[test]
fn an_unreadable_write_from_another_tab_is_not_taken_over() {
    let q = q();
    let (store, base) = start(&q);
    let mut a = tab(&store, &q);
    assert_eq!(a.incoming(&q, &base, "{\"format\": 99}", Lang::En), None);
}

#[test]
fn the_same_unreadable_text_is_kept_once() {
    let q = q();
    let (mut store, _) = start(&q);
    let key = q.storage_key();
    for at in ["2026-12-01T10:00:01.000Z", "2026-12-01T10:00:02.000Z"] {
        assert!(aims_domain::app::sync::move_aside(
            &mut store, &key, "garbage", at
        ));
    }
    assert_eq!(backups(&store, &key).len(), 1);
    assert!(aims_domain::app::sync::move_aside(
        &mut store,
        &key,
        "other garbage",
        "2026-12-01T10:00:03.000Z"
    ));
    assert_eq!(backups(&store, &key).len(), 2);
}
