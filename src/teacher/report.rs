//! The reports a teacher reads: per session, per question, per pupil, per topic,
//! the trend and the hardest questions, all computed from a class's rows loaded once.

use std::collections::BTreeMap;

use super::model::{AnswerRow, Session};
use crate::quiz::Question;

/// Tally counts of a class: per (session, question key), a count per option.
pub type Tallies = BTreeMap<(i64, String), Vec<u32>>;

/// `part` of `whole` in percent; 0 when there is nothing to count.
pub fn percent(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) * 100.0 / f64::from(whole)
    }
}

/// Whether a tally of `question` counts pupils: with one right option a count is
/// pupils; with several it is ticks, which show the popular wrong option but cannot
/// say who got it all right, so they add nothing to percentages, trend or topics.
pub fn tally_counts_pupils(question: Option<&Question>) -> bool {
    question.is_some_and(|q| q.correct_set().len() == 1)
}

/// A topic's line in the class report.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicLine {
    pub tag: String,
    /// As the teacher reads it (the UI's name for a known topic).
    pub name: String,
    pub percent: f64,
    pub right: u32,
    pub answered: u32,
}

/// Every report of a class, built by [`ClassReport::build`] from the rows loaded once:
/// the class screen shows it, the class CSV exports write it, and the benchmark
/// measures it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassReport {
    /// Per session (by id): how each question went.
    pub per_session: BTreeMap<i64, Vec<QuestionResult>>,
    /// The class's percent right per session, in time order.
    pub trend: Vec<(i64, f64)>,
    /// Per pupil (by id): percent right per session, in time order.
    pub over_time: BTreeMap<i64, Vec<(i64, f64)>>,
    /// Topics, weakest first (where to reteach), then by name.
    pub topics: Vec<TopicLine>,
    /// Questions across sessions, hardest first.
    pub hardest: Vec<QuestionResult>,
}

impl ClassReport {
    /// The class's reports from its sessions (in time order), answers (sorted by
    /// session, as storage loads them), tallies and the questions by key; topics are
    /// named by `topic_name`.
    pub fn build(
        sessions: &[Session],
        answers: &[AnswerRow],
        tallies: &Tallies,
        questions: &BTreeMap<String, &Question>,
        topic_name: &dyn Fn(&str) -> String,
    ) -> ClassReport {
        let grouped = by_session(answers);
        let per_session: BTreeMap<i64, Vec<QuestionResult>> = sessions
            .iter()
            .map(|s| {
                let these = grouped.get(&s.id).copied().unwrap_or(&[]);
                (s.id, question_results(s, these, tallies, questions))
            })
            .collect();
        let results: Vec<QuestionResult> = per_session.values().flatten().cloned().collect();
        let mut topics: Vec<TopicLine> = topic_results(answers, tallies, questions)
            .into_iter()
            .map(|(tag, (right, answered))| TopicLine {
                name: topic_name(&tag),
                percent: percent(right, answered),
                tag,
                right,
                answered,
            })
            .collect();
        topics.sort_by(|a, b| {
            a.percent
                .total_cmp(&b.percent)
                .then_with(|| a.name.cmp(&b.name))
        });
        ClassReport {
            trend: trend(sessions, &per_session),
            over_time: pupil_over_time(sessions, answers),
            hardest: difficult_questions(&results),
            per_session,
            topics,
        }
    }
}

/// How a question went in a session.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    pub key: String,
    pub answered: u32,
    pub right: u32,
    /// The wrong option chosen most often, with how many chose it.
    pub top_wrong: Option<(usize, u32)>,
}

impl QuestionResult {
    pub fn percent(&self) -> f64 {
        percent(self.right, self.answered)
    }
}

/// A class's answers as one slice per session (answers come sorted by session from
/// [`Teacher::answers`]), so each report reads only its own rows.
pub fn by_session(answers: &[AnswerRow]) -> BTreeMap<i64, &[AnswerRow]> {
    answers
        .chunk_by(|a, b| a.session_id == b.session_id)
        .map(|chunk| (chunk[0].session_id, chunk))
        .collect()
}

/// Per question of a session, from pupils' answers and tallies together. `answers`
/// may hold the whole class's answers or just this session's (faster).
pub fn question_results(
    session: &Session,
    answers: &[AnswerRow],
    tallies: &Tallies,
    questions: &BTreeMap<String, &Question>,
) -> Vec<QuestionResult> {
    let mut per_question: BTreeMap<&str, Vec<&AnswerRow>> = BTreeMap::new();
    for a in answers.iter().filter(|a| a.session_id == session.id) {
        per_question.entry(&*a.question_key).or_default().push(a);
    }
    session
        .questions
        .iter()
        .map(|key| {
            let mut chosen_count: BTreeMap<usize, u32> = BTreeMap::new();
            let (mut answered, mut right) = (0u32, 0u32);
            for a in per_question.get(key.as_str()).into_iter().flatten() {
                answered += 1;
                right += u32::from(a.correct);
                for c in a.chosen.iter() {
                    *chosen_count.entry(c).or_default() += 1;
                }
            }
            let correct_set = questions
                .get(key)
                .map(|q| q.correct_set())
                .unwrap_or_default();
            if let Some(counts) = tallies.get(&(session.id, key.clone())) {
                let single = tally_counts_pupils(questions.get(key).copied());
                for (o, &n) in counts.iter().enumerate() {
                    if single {
                        answered += n;
                        right += if correct_set.contains(&o) { n } else { 0 };
                    }
                    *chosen_count.entry(o).or_default() += n;
                }
            }
            let top_wrong = chosen_count
                .into_iter()
                .filter(|(o, n)| !correct_set.contains(o) && *n > 0)
                .max_by_key(|&(o, n)| (n, std::cmp::Reverse(o)));
            QuestionResult {
                key: key.clone(),
                answered,
                right,
                top_wrong,
            }
        })
        .collect()
}

/// A pupil's score in a session: (right, answered).
pub fn pupil_scores(session: &Session, answers: &[AnswerRow]) -> BTreeMap<i64, (u32, u32)> {
    let mut out: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    for a in answers.iter().filter(|a| a.session_id == session.id) {
        let e = out.entry(a.pupil_id).or_default();
        e.0 += u32::from(a.correct);
        e.1 += 1;
    }
    out
}

/// Right and answered per topic tag across a class's answers and tallies.
pub fn topic_results(
    answers: &[AnswerRow],
    tallies: &Tallies,
    questions: &BTreeMap<String, &Question>,
) -> BTreeMap<String, (u32, u32)> {
    // Count per question first (few keys), then spread over the questions' tags.
    let mut per_question: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for a in answers {
        let e = per_question.entry(&*a.question_key).or_default();
        e.0 += u32::from(a.correct);
        e.1 += 1;
    }
    for ((_, key), counts) in tallies {
        let question = questions.get(key).copied();
        if !tally_counts_pupils(question) {
            continue;
        }
        let correct = question.map(|q| q.correct_set()).unwrap_or_default();
        let e = per_question.entry(key.as_str()).or_default();
        for (o, &n) in counts.iter().enumerate() {
            e.1 += n;
            e.0 += if correct.contains(&o) { n } else { 0 };
        }
    }
    let mut out: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (key, (right, total)) in per_question {
        if let Some(q) = questions.get(key) {
            for tag in &q.tags {
                let e = out.entry(tag.clone()).or_default();
                e.0 += right;
                e.1 += total;
            }
        }
    }
    out
}

/// How many of these answers are right.
fn right_in(answers: &[AnswerRow]) -> u32 {
    answers.iter().map(|a| u32::from(a.correct)).sum()
}

/// The class's percent right per session, in time order, from each session's
/// question results (so pupils' answers and tallies both count).
pub fn trend(
    sessions: &[Session],
    results: &BTreeMap<i64, Vec<QuestionResult>>,
) -> Vec<(i64, f64)> {
    sessions
        .iter()
        .filter_map(|s| {
            let (r, n) = results
                .get(&s.id)?
                .iter()
                .fold((0u32, 0u32), |(r, n), q| (r + q.right, n + q.answered));
            (n > 0).then(|| (s.id, percent(r, n)))
        })
        .collect()
}

/// Each pupil's percent right per session, in time order: the pupil over time.
pub fn pupil_over_time(
    sessions: &[Session],
    answers: &[AnswerRow],
) -> BTreeMap<i64, Vec<(i64, f64)>> {
    let mut per: BTreeMap<(i64, i64), (u32, u32)> = BTreeMap::new();
    for run in answers.chunk_by(|a, b| (a.pupil_id, a.session_id) == (b.pupil_id, b.session_id)) {
        let e = per.entry((run[0].pupil_id, run[0].session_id)).or_default();
        e.0 += right_in(run);
        e.1 += run.len() as u32;
    }
    let order: BTreeMap<i64, usize> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let mut out: BTreeMap<i64, Vec<(i64, f64)>> = BTreeMap::new();
    for ((pupil, session), (r, n)) in per {
        out.entry(pupil).or_default().push((session, percent(r, n)));
    }
    for v in out.values_mut() {
        v.sort_by_key(|(s, _)| order.get(s).copied().unwrap_or(usize::MAX));
    }
    out
}

/// Fewer answers than this and a question's percent says little: it is listed after
/// the questions that can be compared (0 % of 3 answers is not "harder" than 61 % of 28).
pub const HARDEST_MIN_ANSWERS: u32 = 5;

/// Questions across sessions: those with enough answers to compare
/// ([`HARDEST_MIN_ANSWERS`]) hardest (lowest percent right) first, then the rest, most
/// answered first.
pub fn difficult_questions(results: &[QuestionResult]) -> Vec<QuestionResult> {
    let mut merged: BTreeMap<String, QuestionResult> = BTreeMap::new();
    for r in results {
        let e = merged
            .entry(r.key.clone())
            .or_insert_with(|| QuestionResult {
                key: r.key.clone(),
                answered: 0,
                right: 0,
                top_wrong: None,
            });
        e.answered += r.answered;
        e.right += r.right;
        if e.top_wrong
            .is_none_or(|(_, n)| r.top_wrong.is_some_and(|(_, m)| m > n))
        {
            e.top_wrong = r.top_wrong.or(e.top_wrong);
        }
    }
    let mut v: Vec<QuestionResult> = merged.into_values().filter(|r| r.answered > 0).collect();
    v.sort_by(|a, b| {
        let (a_few, b_few) = (
            a.answered < HARDEST_MIN_ANSWERS,
            b.answered < HARDEST_MIN_ANSWERS,
        );
        a_few.cmp(&b_few).then_with(|| {
            if a_few {
                b.answered.cmp(&a.answered)
            } else {
                a.percent().total_cmp(&b.percent())
            }
            .then_with(|| a.key.cmp(&b.key))
        })
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(key: &str, right: u32, answered: u32) -> QuestionResult {
        QuestionResult {
            key: key.into(),
            answered,
            right,
            top_wrong: None,
        }
    }

    #[test]
    fn hardest_ranks_only_questions_with_enough_answers() {
        let ranked = difficult_questions(&[
            result("m/few", 0, 3),
            result("m/many", 17, 28),
            result("m/hard", 2, 10),
            result("m/fewer", 1, 1),
            result("m/none", 0, 0),
            // The same question in two sessions adds up: 2 + 4 answers is enough.
            result("m/split", 1, 2),
            result("m/split", 1, 4),
        ]);
        let keys: Vec<&str> = ranked.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["m/hard", "m/split", "m/many", "m/few", "m/fewer"]);
        assert_eq!((ranked[1].right, ranked[1].answered), (2, 6));
    }
}
