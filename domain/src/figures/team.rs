//! A workshop's answers side by side: several people's save files of one questionnaire, each
//! item's answers with median, spread and disagreement, the items to discuss first, and a
//! consensus assessment built from them. Held in memory only; nothing is stored unless the
//! person adopts the consensus as their assessment.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::figures::scoring::{Assessment, ItemStatus};
use crate::model::answers::Notes;
use crate::model::answers::{Answer, Answers};
use crate::model::i18n::{msg, outside, Lang, Msg};
use crate::model::order;
use crate::model::profile::Profile;
use crate::model::questionnaire::{Questionnaire, SectionKind};
use crate::model::standard::Stage;

/// A team view compares at least two and at most twelve people.
pub const MIN_RESPONDENTS: usize = 2;
pub const MAX_RESPONDENTS: usize = 12;
/// Two answers this many levels apart (or more) mark an item for discussion.
pub const DISAGREE_LEVELS: u8 = 2;
/// How many items "discuss first" lists.
pub const DISCUSS_FIRST: usize = 10;

/// One person's save file.
#[derive(Clone, Debug, PartialEq)]
pub struct Respondent {
    /// Shown in every column; the file's name until the person types another, kept as typed.
    pub name: String,
    /// The file it came from (shown as outside text).
    pub file: String,
    pub answers: Answers,
    /// Their notes per item, as typed.
    pub notes: Notes,
    /// The organisation as they described it.
    pub profile: Profile,
    /// Set when the file was saved with an older version of the questionnaire.
    pub migrated_from: Option<String>,
    /// The file's fingerprint (`saved::fingerprint`): the same file is never added twice.
    pub(crate) fingerprint: String,
}

/// What one respondent wrote about an item: a note, or the justification of "not applicable".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remark {
    /// Index of the respondent.
    pub respondent: usize,
    pub justification: bool,
    pub text: String,
}

/// How many characters of a respondent's name a report or a line of answers shows.
pub const NAME_SHOWN: usize = 120;

impl Respondent {
    /// The name as shown beside other text: isolated, so that a right-to-left mark in one name
    /// cannot reorder the names and answers after it (`i18n::outside`).
    pub fn shown_name(&self) -> String {
        outside(&self.name, NAME_SHOWN)
    }

    /// Stable while the respondent is in the view (their file's fingerprint), for list keys.
    pub fn key(&self) -> &str {
        &self.fingerprint
    }
}

/// For one item of the consensus: the median rule, or one respondent's answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pick {
    #[default]
    Median,
    From(usize),
}

/// The respondents, the consensus picks, and the refusals of the latest files.
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    pub questionnaire: Rc<Questionnaire>,
    pub respondents: Vec<Respondent>,
    /// Items whose consensus is one respondent's answer (by index) instead of the median.
    pub picks: BTreeMap<String, usize>,
    /// One sentence per refused file, until the next file arrives.
    pub refused: Vec<String>,
}

/// One item across the team.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemRow {
    pub id: String,
    pub title: String,
    pub section: String,
    pub gate: Option<Stage>,
    /// Per respondent, in their order.
    pub answers: Vec<ItemStatus>,
    /// The median of the levels given, in tenths (2.5 is 25); none when nobody gave a level.
    pub median_tenths: Option<u32>,
    /// Highest level minus lowest.
    pub spread: Option<u8>,
    pub dont_know: usize,
    /// How many said "not applicable" (they are not in the median).
    pub not_applicable: usize,
    /// Levels two or more apart, a "don't know", or a level beside "not applicable".
    pub disagree: bool,
}

/// One clause or Annex A area across the team.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionRow {
    pub id: String,
    pub title: String,
    pub kind: SectionKind,
    /// Per respondent: the section's maturity in tenths (none when nothing applies).
    pub maturity: Vec<Option<u32>>,
    pub median_tenths: Option<u32>,
    pub spread_tenths: Option<u32>,
    /// Respondents' maturities two levels or more apart, or an item in it marked.
    pub disagree: bool,
}

/// Everything the team view and its exports show.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub items: Vec<ItemRow>,
    pub sections: Vec<SectionRow>,
    /// Ids of marked items, blockers first, then the widest spread, then most "don't know".
    pub discuss_first: Vec<String>,
}

/// The median of sorted values: the middle one, or the mean of the two middle ones (in the
/// values' own unit, so levels go in as tenths to keep 2.5).
fn median(sorted: &[u32]) -> Option<u32> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

impl Team {
    pub fn new(questionnaire: Rc<Questionnaire>) -> Team {
        Team {
            questionnaire,
            respondents: Vec::new(),
            picks: BTreeMap::new(),
            refused: Vec::new(),
        }
    }

    /// Whether there are enough respondents to compare.
    pub fn ready(&self) -> bool {
        self.respondents.len() >= MIN_RESPONDENTS
    }

    /// Notes that `file` was not added, and why.
    pub fn refuse(&mut self, file: &str, why: &str, lang: Lang) {
        self.refused.push(lang.f(
            msg!("\"{file}\" was not added: {why}. The other files stay."),
            &[("file", &outside(file, 60)), ("why", &why)],
        ));
    }

    /// Why no further file fits, when the view already compares the most it can.
    pub fn full(&self, lang: Lang) -> Option<String> {
        (self.respondents.len() >= MAX_RESPONDENTS).then(|| {
            lang.f(
                msg!("a team view compares at most {n} files"),
                &[("n", &MAX_RESPONDENTS)],
            )
        })
    }

    /// Adds a respondent read from a file (`formats::team_files`), unless the view is full or
    /// holds the same file already; the error says why in `lang`.
    pub fn admit(&mut self, respondent: Respondent, lang: Lang) -> Result<(), String> {
        if let Some(why) = self.full(lang) {
            return Err(why);
        }
        if let Some(same) = self
            .respondents
            .iter()
            .find(|r| r.fingerprint == respondent.fingerprint)
        {
            return Err(lang.f(
                msg!("it is the same file as {name}"),
                &[("name", &outside(&same.name, 60))],
            ));
        }
        self.respondents.push(respondent);
        Ok(())
    }

    /// Removes respondent `index`; picks that named them go back to the median, later ones move.
    pub fn remove(&mut self, index: usize) {
        if index >= self.respondents.len() {
            return;
        }
        self.respondents.remove(index);
        self.picks.retain(|_, i| *i != index);
        for i in self.picks.values_mut().filter(|i| **i > index) {
            *i -= 1;
        }
    }

    pub fn pick(&mut self, item: &str, pick: Pick) {
        match pick {
            Pick::From(i) if i < self.respondents.len() => {
                self.picks.insert(item.to_string(), i);
            }
            _ => {
                self.picks.remove(item);
            }
        }
    }

    /// The team's figures, for the items and sections `profile` (the open assessment's) applies.
    pub fn summary(&self, profile: &Profile) -> Summary {
        let q = &self.questionnaire;
        let mut items = Vec::new();
        for section in &q.sections {
            for item in section.items.iter().filter(|i| i.applies(profile)) {
                let answers: Vec<ItemStatus> = self
                    .respondents
                    .iter()
                    .map(|r| ItemStatus::of(item, profile, &r.answers))
                    .collect();
                // In tenths, as the median and the sections are.
                let mut levels: Vec<u32> = answers
                    .iter()
                    .filter_map(|a| match a {
                        ItemStatus::Level(l) => Some(u32::from(*l) * 10),
                        _ => None,
                    })
                    .collect();
                order::sort(&mut levels);
                let spread = levels
                    .last()
                    .zip(levels.first())
                    .map(|(hi, lo)| ((hi - lo) / 10) as u8);
                let dont_know = answers
                    .iter()
                    .filter(|a| **a == ItemStatus::DontKnow)
                    .count();
                let not_applicable = answers
                    .iter()
                    .filter(|a| {
                        matches!(
                            a,
                            ItemStatus::NotApplicable | ItemStatus::NeedsJustification
                        )
                    })
                    .count();
                let disagree = spread.is_some_and(|s| s >= DISAGREE_LEVELS)
                    || dont_know > 0
                    || (not_applicable > 0 && !levels.is_empty());
                items.push(ItemRow {
                    id: item.id.clone(),
                    title: item.title.clone(),
                    section: section.id.clone(),
                    gate: item.gate,
                    answers,
                    median_tenths: median(&levels),
                    spread,
                    dont_know,
                    not_applicable,
                    disagree,
                });
            }
        }
        let assessments: Vec<Assessment> = self
            .respondents
            .iter()
            .map(|r| Assessment::compute(q, profile, &r.answers))
            .collect();
        let sections = q
            .sections
            .iter()
            .filter(|s| items.iter().any(|i| i.section == s.id))
            .map(|s| {
                let maturity: Vec<Option<u32>> = assessments
                    .iter()
                    .map(|a| a.section(&s.id).and_then(|x| x.maturity_tenths()))
                    .collect();
                let mut known: Vec<u32> = maturity.iter().flatten().copied().collect();
                order::sort(&mut known);
                let spread_tenths = known.last().zip(known.first()).map(|(hi, lo)| hi - lo);
                let disagree = spread_tenths.is_some_and(|t| t >= u32::from(DISAGREE_LEVELS) * 10)
                    || items.iter().any(|i| i.section == s.id && i.disagree);
                SectionRow {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    kind: s.kind,
                    median_tenths: median(&known),
                    maturity,
                    spread_tenths,
                    disagree,
                }
            })
            .collect();
        let mut marked: Vec<&ItemRow> = items.iter().filter(|i| i.disagree).collect();
        // Stable: equal items keep the questionnaire's order.
        order::sort_by_key(&mut marked, |i| {
            (
                i.gate.is_none(),
                std::cmp::Reverse(i.spread.unwrap_or(0)),
                std::cmp::Reverse(i.dont_know),
            )
        });
        let discuss_first = marked
            .iter()
            .take(DISCUSS_FIRST)
            .map(|i| i.id.clone())
            .collect();
        Summary {
            items,
            sections,
            discuss_first,
        }
    }

    /// The consensus answer to one item: the respondent picked, else the median rule. The
    /// median of an even number of levels takes the lower middle one, so the consensus never
    /// claims more than half the team said. "Not applicable" wins only when more people chose
    /// it than gave a level (its justification is the first one given); with no level and no
    /// "not applicable", a "don't know" stays a "don't know".
    pub fn consensus_answer(&self, item: &str) -> Option<Answer> {
        if let Some(i) = self.picks.get(item) {
            return self.respondents.get(*i)?.answers.get(item).cloned();
        }
        self.median_answer(item)
    }

    /// What the median rule alone gives for `item` (see [`Team::consensus_answer`]).
    pub fn median_answer(&self, item: &str) -> Option<Answer> {
        let given: Vec<&Answer> = self
            .respondents
            .iter()
            .filter_map(|r| r.answers.get(item))
            .collect();
        let mut levels: Vec<u8> = given.iter().filter_map(|a| a.level()).collect();
        order::sort(&mut levels);
        let justified = given
            .iter()
            .find(|a| matches!(a, Answer::NotApplicable(_)) && a.is_complete());
        let na = given
            .iter()
            .filter(|a| matches!(a, Answer::NotApplicable(_)) && a.is_complete())
            .count();
        match (justified, levels.len()) {
            (Some(answer), n) if na > n => Some((*answer).clone()),
            (_, 0) if given.contains(&&Answer::DontKnow) => Some(Answer::DontKnow),
            (_, 0) => None,
            (_, n) => Some(Answer::Level(levels[(n - 1) / 2])),
        }
    }

    /// The profile the comparison uses: the facilitator's own when complete, else (a workshop
    /// begun from the start screen) the first respondent's.
    pub fn comparison_profile(&self, own: &Profile) -> Profile {
        match self.respondents.first() {
            Some(first) if !own.is_complete() => first.profile.clone(),
            _ => own.clone(),
        }
    }

    /// Every note and "not applicable" justification the respondents wrote about `item`, in
    /// their order, exactly as typed.
    pub fn remarks(&self, item: &str) -> Vec<Remark> {
        let mut out = Vec::new();
        for (n, r) in self.respondents.iter().enumerate() {
            if let Some(Answer::NotApplicable(why)) = r.answers.get(item) {
                if !why.trim().is_empty() {
                    out.push(Remark {
                        respondent: n,
                        justification: true,
                        text: why.clone(),
                    });
                }
            }
            if let Some(note) = r.notes.get(item).filter(|n| !n.trim().is_empty()) {
                out.push(Remark {
                    respondent: n,
                    justification: false,
                    text: note.clone(),
                });
            }
        }
        out
    }

    /// The profile questions the respondents answered differently ("the size of your
    /// organisation", …), in `lang`: their answers then apply different items.
    pub fn profile_differences(&self, lang: Lang) -> Vec<String> {
        let Some((first, rest)) = self.respondents.split_first() else {
            return Vec::new();
        };
        let p = &first.profile;
        let differs = |same: &dyn Fn(&Profile) -> bool| rest.iter().any(|r| !same(&r.profile));
        let checks: [(Msg, bool); 7] = [
            (
                msg!("the size of your organisation"),
                differs(&|o| o.size == p.size),
            ),
            (
                msg!("what you do with AI"),
                differs(&|o| o.roles == p.roles),
            ),
            (
                msg!("the number of AI systems"),
                differs(&|o| o.systems == p.systems),
            ),
            (
                msg!("the certifications held"),
                differs(&|o| o.certifications == p.certifications),
            ),
            (
                msg!("whether a system may be high-risk under the EU AI Act"),
                differs(&|o| o.high_risk == p.high_risk),
            ),
            (
                msg!("whether any AI use may be a prohibited practice"),
                differs(&|o| o.prohibited == p.prohibited),
            ),
            (
                msg!("the EU AI Act supply-chain roles"),
                differs(&|o| o.eu_roles == p.eu_roles),
            ),
        ];
        checks
            .into_iter()
            .filter(|(_, d)| *d)
            .map(|(m, _)| lang.t(m).to_string())
            .collect()
    }

    /// The notes of the consensus: `own` (the facilitator's) first, then every respondent's
    /// note and justification, each line attributed ("Dana: …"). A note that would pass the
    /// length limit keeps the lines that fit; the items cut short are returned too.
    pub fn consensus_notes(&self, own: &Notes) -> (Notes, Vec<String>) {
        let mut notes = own.clone();
        let mut cut = Vec::new();
        for item in self.questionnaire.items() {
            let remarks = self.remarks(&item.id);
            if remarks.is_empty() {
                continue;
            }
            let mut text = own.get(&item.id).cloned().unwrap_or_default();
            for remark in remarks {
                // Stored text: the name as typed, without the isolates shown beside other text.
                let line = self.remark_line(&remark, &self.respondents[remark.respondent].name);
                let joined = if text.is_empty() {
                    line
                } else {
                    format!("{text}\n{line}")
                };
                if crate::model::answers::text_length(&joined)
                    > crate::model::answers::MAX_TEXT_CHARS
                {
                    cut.push(item.id.clone());
                    break;
                }
                text = joined;
            }
            if !text.is_empty() {
                notes.insert(item.id.clone(), text);
            }
        }
        (notes, cut)
    }

    /// The consensus assessment's answers, for every item anyone answered.
    pub fn consensus(&self) -> Answers {
        let mut answers = Answers::default();
        for item in self.questionnaire.items() {
            if let Some(answer) = self.consensus_answer(&item.id) {
                answers.insert_unchecked(&item.id, answer);
            }
        }
        answers
    }

    /// "Dana: …", "Lee (not applicable): …": each remark on `item` with its author, as typed.
    pub fn remark_lines(&self, item: &str) -> Vec<String> {
        self.remarks(item)
            .iter()
            .map(|r| self.remark_line(r, &self.respondents[r.respondent].shown_name()))
            .collect()
    }

    /// One remark with its author's name as given: "Dana: …" or "Lee (not applicable): …".
    fn remark_line(&self, remark: &Remark, name: &str) -> String {
        if remark.justification {
            self.questionnaire.lang().f(
                msg!("{name} (not applicable): {text}"),
                &[("name", &name), ("text", &remark.text)],
            )
        } else {
            format!("{name}: {}", remark.text)
        }
    }
}
