//! Reports as tables, written two ways: CSV for any tool (UTF-8 with a byte-order
//! mark, quoting by the `csv` crate, cells as the teacher's spreadsheet reads them,
//! [`CsvStyle`]) and a workbook for spreadsheets ([`Book`], written as `.xlsx` by the
//! `sauga-tools` crate: numbers as numbers, percentages with a % format).

use std::collections::BTreeMap;

pub use sauga_tools::{Book, Cell, Sheet};

use super::model::{AnswerRow, Pupil, Session};
use super::report::{percent, QuestionResult};
use crate::lang::Lang;

/// How a spreadsheet set to the teacher's language reads CSV. Excel and LibreOffice
/// in Lithuanian, Russian and Ukrainian separate cells with `;` and write decimals with
/// a comma (so a file with `,` opens as one column, and `66.7` as text); in English,
/// `,` and a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvStyle {
    pub separator: u8,
    pub decimal_comma: bool,
}

impl CsvStyle {
    pub fn for_lang(lang: Lang) -> CsvStyle {
        match lang {
            Lang::En => CsvStyle {
                separator: b',',
                decimal_comma: false,
            },
            Lang::Lt | Lang::Ru | Lang::Uk => CsvStyle {
                separator: b';',
                decimal_comma: true,
            },
        }
    }

    /// A percent with one decimal, as a number the spreadsheet reads.
    pub fn percent(self, p: f64) -> String {
        self.decimal(format!("{p:.1}"))
    }

    fn decimal(self, text: String) -> String {
        if self.decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    }

    /// A cell as CSV text: whole numbers without decimals, percentages with one.
    pub fn cell(self, cell: &Cell) -> String {
        match cell {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => self.decimal(n.to_string()),
            Cell::Percent(p) => self.percent(*p),
        }
    }
}

/// A report as a table: a header and rows of typed cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table as a workbook's sheet named `name`.
    pub fn sheet(self, name: &str) -> Sheet {
        Sheet {
            name: name.to_string(),
            header: self.header,
            rows: self.rows,
        }
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A session as a table: one row per pupil of the class (cells empty for a pupil
/// without answers), one column per question headed by its number and text (1 right,
/// 0 wrong, empty not answered), then the number right and the percent.
pub fn session_table(
    session: &Session,
    pupils: &[Pupil],
    answers: &[AnswerRow],
    question_text: &dyn Fn(&str) -> String,
    headers: [&str; 3],
) -> Table {
    let [header_pupil, header_right, header_percent] = headers;
    let mut header = vec![header_pupil.to_string()];
    header.extend(
        session
            .questions
            .iter()
            .enumerate()
            .map(|(i, k)| format!("Q{}: {}", i + 1, question_text(k))),
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
        let mut row = vec![text(p.label())];
        let mut right = 0u32;
        let mut answered = 0u32;
        for k in &session.questions {
            match by_pupil.get(&(p.id, k.as_str())) {
                Some(&c) => {
                    row.push(Cell::Number(f64::from(u8::from(c))));
                    right += u32::from(c);
                    answered += 1;
                }
                None => row.push(Cell::Empty),
            }
        }
        if answered == 0 {
            row.extend([Cell::Empty, Cell::Empty]);
        } else {
            row.push(Cell::Number(f64::from(right)));
            row.push(Cell::Percent(percent(
                right,
                session.questions.len() as u32,
            )));
        }
        rows.push(row);
    }
    Table { header, rows }
}

/// A session as CSV ([`session_table`] written by [`table_csv`]).
pub fn session_csv(
    session: &Session,
    pupils: &[Pupil],
    answers: &[AnswerRow],
    question_text: &dyn Fn(&str) -> String,
    headers: [&str; 3],
    style: CsvStyle,
) -> std::result::Result<Vec<u8>, csv::Error> {
    table_csv(
        &session_table(session, pupils, answers, question_text, headers),
        style,
    )
}

/// Any table as CSV: a byte-order mark, the header, the rows.
pub fn table_csv(table: &Table, style: CsvStyle) -> std::result::Result<Vec<u8>, csv::Error> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(style.separator)
            .from_writer(&mut out);
        w.write_record(&table.header)?;
        for row in &table.rows {
            w.write_record(row.iter().map(|c| style.cell(c)))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Column headers for sessions that stay apart: two sessions with the same name (the
/// same quiz on the same day) get "(2)", "(3)"…
pub fn distinct_names(names: Vec<String>) -> Vec<String> {
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    names
        .into_iter()
        .map(|name| {
            let n = seen.entry(name.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                name
            } else {
                format!("{name} ({n})")
            }
        })
        .collect()
}

/// Pupils over time: a row per pupil of the class, the percent right per session
/// (empty where the pupil has no answers in it).
pub fn over_time_rows(
    sessions: &[Session],
    pupils: &[Pupil],
    over_time: &BTreeMap<i64, Vec<(i64, f64)>>,
) -> Vec<Vec<Cell>> {
    pupils
        .iter()
        .map(|p| {
            let mine = over_time.get(&p.id).map(Vec::as_slice).unwrap_or_default();
            let mut row = vec![text(p.label())];
            row.extend(sessions.iter().map(|s| {
                mine.iter()
                    .find(|(sid, _)| *sid == s.id)
                    .map(|(_, pct)| Cell::Percent(*pct))
                    .unwrap_or(Cell::Empty)
            }));
            row
        })
        .collect()
}

/// Topics: name, right, answered, percent.
pub fn topic_rows(topics: &[(String, u32, u32)]) -> Vec<Vec<Cell>> {
    topics
        .iter()
        .map(|(name, r, n)| {
            vec![
                text(name.clone()),
                Cell::Number(f64::from(*r)),
                Cell::Number(f64::from(*n)),
                Cell::Percent(percent(*r, *n)),
            ]
        })
        .collect()
}

/// Questions, in the order given: text, answered, right, percent, the most chosen
/// wrong answer and how many chose it.
pub fn question_rows(
    results: &[QuestionResult],
    question_text: &dyn Fn(&str) -> String,
    option: &dyn Fn(&str, usize) -> String,
) -> Vec<Vec<Cell>> {
    results
        .iter()
        .map(|r| {
            let (wrong, chose) = match r.top_wrong {
                Some((o, n)) => (text(option(&r.key, o)), Cell::Number(f64::from(n))),
                None => (Cell::Empty, Cell::Empty),
            };
            vec![
                text(question_text(&r.key)),
                Cell::Number(f64::from(r.answered)),
                Cell::Number(f64::from(r.right)),
                Cell::Percent(r.percent()),
                wrong,
                chose,
            ]
        })
        .collect()
}

/// A tally session: a row per option of each question, with its count and whether it
/// is a right answer (`mark` for right ones).
pub fn tally_rows(
    session: &Session,
    tallies: &super::report::Tallies,
    question_text: &dyn Fn(&str) -> String,
    options: &dyn Fn(&str) -> Vec<(String, bool)>,
    mark: &str,
) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (i, key) in session.questions.iter().enumerate() {
        let counts = tallies.get(&(session.id, key.clone()));
        for (o, (option, right)) in options(key).into_iter().enumerate() {
            let count = counts.and_then(|c| c.get(o)).copied().unwrap_or(0);
            rows.push(vec![
                text(format!("Q{}: {}", i + 1, question_text(key))),
                text(option),
                if right { text(mark) } else { Cell::Empty },
                Cell::Number(f64::from(count)),
            ]);
        }
    }
    rows
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
            title: String::new(),
            closed: false,
        };
        let sessions = vec![session(10), session(20)];
        let over_time = BTreeMap::from([
            (1, vec![(10, 50.0), (20, 100.0)]),
            (2, vec![(20, 2.0 / 3.0 * 100.0)]),
        ]);
        let en = CsvStyle::for_lang(Lang::En);
        let lt = CsvStyle::for_lang(Lang::Lt);
        let as_text = |rows: &[Vec<Cell>], style: CsvStyle| -> Vec<Vec<String>> {
            rows.iter()
                .map(|r| r.iter().map(|c| style.cell(c)).collect())
                .collect()
        };
        let rows = over_time_rows(&sessions, &pupils, &over_time);
        assert_eq!(
            as_text(&rows, en),
            vec![
                vec!["#1 ŽS", "50.0", "100.0"],
                vec!["#2", "", "66.7"],
                vec!["#3", "", ""]
            ],
            "every pupil of the class, pupil 3 with empty cells"
        );
        assert_eq!(
            rows[1][2],
            Cell::Percent(2.0 / 3.0 * 100.0),
            "a number, not text"
        );
        let table = Table {
            header: vec!["Mokinys".into(), "A".into(), "B".into()],
            rows,
        };
        let bytes = table_csv(&table, en).unwrap();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "Mokinys,A,B\n#1 ŽS,50.0,100.0\n#2,,66.7\n#3,,\n");
        // For a Lithuanian (Russian, Ukrainian) spreadsheet: `;` and a decimal comma.
        let bytes = table_csv(&table, lt).unwrap();
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "Mokinys;A;B\n#1 ŽS;50,0;100,0\n#2;;66,7\n#3;;\n");
        assert_eq!(
            distinct_names(vec![
                "2026-12-07 A".into(),
                "2026-12-07 A".into(),
                "B".into(),
                "2026-12-07 A".into()
            ]),
            ["2026-12-07 A", "2026-12-07 A (2)", "B", "2026-12-07 A (3)"]
        );

        let topics = as_text(
            &topic_rows(&[("Teisės".into(), 1, 4), ("Nėra".into(), 0, 0)]),
            en,
        );
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
        let q = as_text(
            &question_rows(&results, &|k| format!("Text of {k}"), &|k, o| {
                format!("{k} option {o}")
            }),
            en,
        );
        assert_eq!(
            q[0],
            ["Text of m/q1", "4", "1", "25.0", "m/q1 option 2", "3"]
        );
        assert_eq!(q[1], ["Text of m/q2", "2", "2", "100.0", "", ""]);
        // A text with a comma or a quote is quoted, as spreadsheets expect.
        let one = |t: &str| Table {
            header: vec!["Q".into()],
            rows: vec![vec![Cell::Text(t.into())]],
        };
        let bytes = table_csv(&one("Taip, \"gerai\""), en).unwrap();
        assert_eq!(
            std::str::from_utf8(&bytes[3..]).unwrap(),
            "Q\n\"Taip, \"\"gerai\"\"\"\n"
        );
        let bytes = table_csv(&one("Taip; gerai"), lt).unwrap();
        assert_eq!(
            std::str::from_utf8(&bytes[3..]).unwrap(),
            "Q\n\"Taip; gerai\"\n"
        );
        // A tally session: a row per option with its count.
        let tallied = Session {
            mode: Mode::Tally,
            questions: vec!["m/q1".into(), "m/q2".into()],
            ..session(30)
        };
        let tallies = BTreeMap::from([((30, "m/q1".to_string()), vec![3, 5])]);
        let rows = tally_rows(
            &tallied,
            &tallies,
            &|k| format!("Text of {k}"),
            &|k| vec![(format!("{k} A"), true), (format!("{k} B"), false)],
            "✓",
        );
        assert_eq!(rows[0][3], Cell::Number(3.0));
        assert_eq!(
            as_text(&rows, en),
            vec![
                vec!["Q1: Text of m/q1", "m/q1 A", "✓", "3"],
                vec!["Q1: Text of m/q1", "m/q1 B", "", "5"],
                vec!["Q2: Text of m/q2", "m/q2 A", "✓", "0"],
                vec!["Q2: Text of m/q2", "m/q2 B", "", "0"],
            ]
        );
    }
}
