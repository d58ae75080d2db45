//! Reports as CSV for a spreadsheet: UTF-8 with a byte-order mark, quoting by the
//! `csv` crate.

use std::collections::BTreeMap;

use super::model::{AnswerRow, Pupil, Session};
use super::report::{percent, QuestionResult};

/// A session as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows
/// Lithuanian letters), one row per pupil, one column per question (1 right, 0 wrong,
/// empty not answered), then the number right and the percent as plain numbers.
pub fn session_csv(
    session: &Session,
    pupils: &[Pupil],
    answers: &[AnswerRow],
    header_pupil: &str,
    header_right: &str,
    header_percent: &str,
) -> std::result::Result<Vec<u8>, csv::Error> {
    let mut header = vec![header_pupil.to_string()];
    header.extend(
        session
            .questions
            .iter()
            .enumerate()
            .map(|(i, k)| format!("Q{} ({k})", i + 1)),
    );
    header.push(header_right.to_string());
    header.push(header_percent.to_string());
    let by_pupil: BTreeMap<(i64, &str), bool> = answers
        .iter()
        .filter(|a| a.session_id == session.id)
        .map(|a| ((a.pupil_id, &*a.question_key), a.correct))
        .collect();
    let mut rows = Vec::new();
    for p in pupils {
        let mut row = vec![p.label()];
        let mut right = 0u32;
        let mut answered = 0u32;
        for k in &session.questions {
            match by_pupil.get(&(p.id, k.as_str())) {
                Some(&c) => {
                    row.push(if c { "1".into() } else { "0".into() });
                    right += u32::from(c);
                    answered += 1;
                }
                None => row.push(String::new()),
            }
        }
        if answered == 0 {
            continue;
        }
        row.push(right.to_string());
        row.push(percent_cell(percent(right, session.questions.len() as u32)));
        rows.push(row);
    }
    table_csv(&header, &rows)
}

/// A report table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel
/// shows Lithuanian letters); the cells come as written, numbers as plain numbers.
pub fn table_csv(
    header: &[String],
    rows: &[Vec<String>],
) -> std::result::Result<Vec<u8>, csv::Error> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(header)?;
        for row in rows {
            w.write_record(row)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A percent as a spreadsheet reads it: a plain number with one decimal.
fn percent_cell(p: f64) -> String {
    format!("{p:.1}")
}

/// The class over time: one row per pupil with answers, one column per session (in
/// time order, named by `session_name`), the percent right or empty where the pupil
/// has no answers in that session.
pub fn over_time_rows(
    sessions: &[Session],
    pupils: &[Pupil],
    over_time: &BTreeMap<i64, Vec<(i64, f64)>>,
) -> Vec<Vec<String>> {
    pupils
        .iter()
        .filter_map(|p| {
            let mine = over_time.get(&p.id)?;
            let mut row = vec![p.label()];
            row.extend(sessions.iter().map(|s| {
                mine.iter()
                    .find(|(sid, _)| *sid == s.id)
                    .map(|(_, pct)| percent_cell(*pct))
                    .unwrap_or_default()
            }));
            Some(row)
        })
        .collect()
}

/// Per topic: its name, right, answered and percent right.
pub fn topic_rows(topics: &[(String, u32, u32)]) -> Vec<Vec<String>> {
    topics
        .iter()
        .map(|(name, r, n)| {
            vec![
                name.clone(),
                r.to_string(),
                n.to_string(),
                percent_cell(percent(*r, *n)),
            ]
        })
        .collect()
}

/// Per question, in the order given (hardest first from [`difficult_questions`]):
/// its text, answered, right, percent right, the most chosen wrong option and how
/// many chose it (empty when none did).
pub fn question_rows(
    results: &[QuestionResult],
    text: &dyn Fn(&str) -> String,
    option: &dyn Fn(&str, usize) -> String,
) -> Vec<Vec<String>> {
    results
        .iter()
        .map(|r| {
            let (wrong, chose) = match r.top_wrong {
                Some((o, n)) => (option(&r.key, o), n.to_string()),
                None => (String::new(), String::new()),
            };
            vec![
                text(&r.key),
                r.answered.to_string(),
                r.right.to_string(),
                percent_cell(r.percent()),
                wrong,
                chose,
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teacher::model::Mode;

    #[test]
    fn class_reports_as_csv_tables() {
        let pupils = vec![
            Pupil {
                id: 1,
                number: 1,
                nickname: "ŽS".into(),
            },
            Pupil {
                id: 2,
                number: 2,
                nickname: String::new(),
            },
            Pupil {
                id: 3,
                number: 3,
                nickname: String::new(),
            },
        ];
        let session = |id| Session {
            id,
            class_id: 1,
            quiz_id: "m".into(),
            quiz_version: 1,
            questions: vec!["m/q1".into()],
            mode: Mode::Codes,
            started_at: id * 86_400,
        };
        let sessions = vec![session(10), session(20)];
        let over_time = BTreeMap::from([
            (1, vec![(10, 50.0), (20, 100.0)]),
            (2, vec![(20, 2.0 / 3.0 * 100.0)]),
        ]);
        let rows = over_time_rows(&sessions, &pupils, &over_time);
        assert_eq!(
            rows,
            vec![vec!["#1 ŽS", "50.0", "100.0"], vec!["#2", "", "66.7"]],
            "pupil 3 has no answers and no row"
        );
        let bytes = table_csv(&["Mokinys".into(), "A".into(), "B".into()], &rows).unwrap();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "Mokinys,A,B\n#1 ŽS,50.0,100.0\n#2,,66.7\n");

        let topics = topic_rows(&[("Teisės".into(), 1, 4), ("Nėra".into(), 0, 0)]);
        assert_eq!(topics[0], ["Teisės", "1", "4", "25.0"]);
        assert_eq!(topics[1], ["Nėra", "0", "0", "0.0"]);

        let results = vec![
            QuestionResult {
                key: "m/q1".into(),
                answered: 4,
                right: 1,
                top_wrong: Some((2, 3)),
            },
            QuestionResult {
                key: "m/q2".into(),
                answered: 2,
                right: 2,
                top_wrong: None,
            },
        ];
        let q = question_rows(&results, &|k| format!("Text of {k}"), &|k, o| {
            format!("{k} option {o}")
        });
        assert_eq!(
            q[0],
            ["Text of m/q1", "4", "1", "25.0", "m/q1 option 2", "3"]
        );
        assert_eq!(q[1], ["Text of m/q2", "2", "2", "100.0", "", ""]);
        // A text with a comma or a quote is quoted, as spreadsheets expect.
        let bytes = table_csv(&["Q".into()], &[vec!["Taip, \"gerai\"".into()]]).unwrap();
        assert_eq!(
            std::str::from_utf8(&bytes[3..]).unwrap(),
            "Q\n\"Taip, \"\"gerai\"\"\"\n"
        );
    }
}
