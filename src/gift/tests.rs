//! GIFT: agreement with what Moodle reads, and round trips.

mod moodle_agreement {
    use crate::gift::*;

    #[test]
    fn true_false_is_read_in_capitals_only_as_moodle_does() {
        assert!(parse("::A:: Sky is blue {T}").is_ok());
        assert!(parse("::A:: Sky is blue {TRUE}").is_ok());
        assert!(
            parse("::A:: Sky is blue {true}").is_err(),
            "Moodle reads {{true}} as short answer"
        );
    }

    #[test]
    fn a_plus_sign_is_not_a_weight() {
        let q = parse("::A:: Pick {~%50%a ~%50%b ~%-100%c}").unwrap();
        assert_eq!(q[0].answers[0].weight, 50.0);
        // Moodle reads a weight only as `%`, an optional minus, digits and a point, so
        // `%+50%` is the start of the answer's text and the answer weighs nothing.
        let q = parse("::A:: Pick {~%+50%a ~%100%b ~%-100%c}")
            .expect("`%+50%` is answer text, so the question is sound");
        let weights: Vec<f64> = q[0].answers.iter().map(|a| a.weight).collect();
        assert_eq!(weights, [0.0, 100.0, -100.0]);
        assert_eq!(q[0].answers[0].text, "%+50%a");
    }
}

mod round_trips {
    use crate::gift::*;
    use crate::lang::{Lang, PerLang};
    use crate::quiz::{Question, QuestionKind, QuizOption, MAX_OPTIONS};

    fn answer(text: &str, weight: f64, feedback: Option<&str>) -> GiftAnswer {
        GiftAnswer {
            text: text.to_string(),
            weight,
            feedback: feedback.map(str::to_string),
        }
    }

    fn choice(
        title: Option<&str>,
        text: &str,
        kind: GiftKind,
        answers: Vec<GiftAnswer>,
    ) -> GiftQuestion {
        GiftQuestion {
            title: title.map(str::to_string),
            text: text.to_string(),
            kind,
            answers,
            true_false: None,
            general: None,
        }
    }

    fn true_false(
        text: &str,
        value: bool,
        wrong: Option<&str>,
        right: Option<&str>,
    ) -> GiftQuestion {
        GiftQuestion {
            title: None,
            text: text.to_string(),
            kind: GiftKind::TrueFalse,
            answers: Vec::new(),
            true_false: Some((value, wrong.map(str::to_string), right.map(str::to_string))),
            general: None,
        }
    }

    const GOOD: &str = r##"// A comment line is not imported.
$CATEGORY: $course$/top/Sauga

::Capital::[markdown]What is the capital
of Lithuania? {
    =Vilnius #Right\: since 1323.
    ~Kaunas #It was the \{temporary\} capital.
    // A comment inside a question.
    ~Klaipėda
}

// Several right answers; a penalty for the wrong one.
::Signs:: Which are warning signs?\nTick all that apply. {
    ~%50%They keep your passport #Yes\: that is control.
    ~%50%You "owe" them money
    ~%-100%You get a written contract #A contract \= a good sign.
}

Three right answers {~%33.33333%a ~%33.33333%b ~%33.33334%c ~d}

Trafficking only happens abroad.{F#It happens at home too.#Right.}

[html]<p>Forced begging is exploitation.</p>{TRUE}

[plain]Short true {T}

Short false {FALSE #Wrong\: it is false.}

Escapes\: 1 \= 1 \~ \# \{ \} a\\b c\d {=[plain]yes ~%-50%no}
"##;

    #[test]
    fn reads_every_supported_construct() {
        let parsed = parse(GOOD).unwrap_or_else(|e| panic!("{e:?}"));
        let expected = vec![
            choice(
                Some("Capital"),
                "What is the capital\nof Lithuania?",
                GiftKind::Single,
                vec![
                    answer("Vilnius", 100.0, Some("Right: since 1323.")),
                    answer("Kaunas", 0.0, Some("It was the {temporary} capital.")),
                    answer("Klaipėda", 0.0, None),
                ],
            ),
            choice(
                Some("Signs"),
                "Which are warning signs?\nTick all that apply.",
                GiftKind::Multiple,
                vec![
                    answer(
                        "They keep your passport",
                        50.0,
                        Some("Yes: that is control."),
                    ),
                    answer("You \"owe\" them money", 50.0, None),
                    answer(
                        "You get a written contract",
                        -100.0,
                        Some("A contract = a good sign."),
                    ),
                ],
            ),
            choice(
                None,
                "Three right answers",
                GiftKind::Multiple,
                vec![
                    answer("a", 33.33333, None),
                    answer("b", 33.33333, None),
                    answer("c", 33.33334, None),
                    answer("d", 0.0, None),
                ],
            ),
            true_false(
                "Trafficking only happens abroad.",
                false,
                Some("It happens at home too."),
                Some("Right."),
            ),
            // Moodle's editor writes HTML: it is read as plain text.
            true_false("Forced begging is exploitation.", true, None, None),
            true_false("Short true", true, None, None),
            true_false("Short false", false, Some("Wrong: it is false."), None),
            choice(
                None,
                "Escapes: 1 = 1 ~ # { } a\\b c\\d",
                GiftKind::Single,
                vec![answer("yes", 100.0, None), answer("no", -50.0, None)],
            ),
        ];
        assert_eq!(parsed, expected);
        assert_eq!(
            parse(&GOOD.replace('\n', "\r\n")),
            Ok(expected),
            "Windows line endings read the same"
        );
        assert_eq!(parse(""), Ok(Vec::new()));
        assert_eq!(parse("// only a comment\n\n"), Ok(Vec::new()));
    }

    #[test]
    fn each_error_names_its_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("Q {=a ~b}\n\nQ2 {\n=a\n~b\n", 3, "unclosed `{`"),
            ("Q {=a ~b\nQ2 {=c ~d}", 1, "unclosed `{`"),
            ("// comment\nQ {\n~a\n~%-50%b\n}", 2, "no correct answer"),
            ("Q {\n=a\n~b\n=c\n}", 4, "more than one `=`"),
            ("Q {\n~%50%a\n~%40%b\n~c\n}", 1, "add up to 90%, not 100%"),
            ("Match {\n=cat -> meow\n=dog -> woof\n}", 1, "matching"),
            ("How many? {#5:1}", 1, "numerical"),
            ("Capital? {=Vilnius =vilnius}", 1, "short-answer"),
            ("Write about it. {}", 1, "essay"),
            (
                "Moodle costs {~lots =nothing} to download.",
                1,
                "text after",
            ),
            ("Q {=a ~b}\nQ2 {=c ~d}", 2, "text after"),
            ("::Title Q {=a ~b}", 1, "unclosed title"),
            ("\n\nJust a description.", 3, "no answer block"),
            ("{=a ~b}", 1, "question has no text"),
            ("Q {\n=a\n~%50%b\n}", 3, "partial credit"),
            ("Q {\n~%100%a\n~%33,3%b\n}", 3, "`%33,3%` is not a weight"),
            ("Q {\n~%100%a\n~%150%b\n}", 3, "`%150%` is not a weight"),
            ("Q {\n=a\n~\n}", 3, "answer has no text"),
            ("Q {T#a#b#c}", 1, "at most two feedbacks"),
            ("Q {~%100%a}", 1, "at least two answers"),
            ("Q {hello}", 1, "no answers"),
            (
                &format!("Q {{=a {}}}", "~b ".repeat(MAX_OPTIONS)),
                1,
                "at most 20 answers; this one has 21",
            ),
            ("Q } {=a ~b}", 1, "`}` without an opening `{`"),
            ("Q {\nx =a ~b}", 2, "text before the first answer"),
        ];
        for (input, line, fragment) in cases {
            let errors = match parse(input) {
                Ok(q) => panic!("{input:?} was read as {q:?}"),
                Err(e) => e,
            };
            assert_eq!(errors.len(), 1, "{input:?}: {errors:?}");
            assert_eq!(errors[0].line, *line, "{input:?}: {errors:?}");
            assert!(
                errors[0].message.contains(fragment),
                "{input:?}: {:?} should say {fragment:?}",
                errors[0].message
            );
        }
    }

    #[test]
    fn every_error_of_a_file_is_reported() {
        let file = "::One:: Good {=a ~b}\n\
                    \n\
                    Two {\n\
                    =a\n\
                    ~b\n\
                    \n\
                    Three {~a ~b}\n\
                    \n\
                    Four {}\n\
                    \n\
                    Five {=a ~b} trailing\n";
        let errors = parse(file).expect_err("the file has errors");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 7, 9, 11], "{errors:?}");
        assert!(errors[0].message.contains("unclosed"));
        assert!(errors[1].message.contains("no correct answer"));
        assert!(errors[2].message.contains("essay"));
        assert!(errors[3].message.contains("text after"));
        assert!(errors[2].to_string().starts_with("line 9: "));
    }

    #[test]
    fn escaping_round_trips() {
        let q = choice(
            Some("A::B"),
            "1 = 1? {x} ~y #z a:b\\c\nnext",
            GiftKind::Single,
            vec![
                answer("=yes", 100.0, Some("#1 {ok}")),
                answer("%5 no", 0.0, None),
            ],
        );
        let expected = concat!(
            r"::A\:\:B::1 \= 1? \{x\} \~y \#z a\:b\\c\nnext {",
            "\n\t",
            r"=\=yes #\#1 \{ok\}",
            "\n\t",
            r"~%0%%5 no",
            "\n}\n",
        );
        assert_eq!(write(std::slice::from_ref(&q)), expected);

        let questions = vec![
            q,
            choice(
                None,
                "//not a comment: a literal \\n, a backslash at the end\\",
                GiftKind::Multiple,
                vec![
                    answer("[html]<b>kept</b>", 12.5, Some("[markdown] kept too")),
                    answer("a -> b", 87.5, Some("~ and = and } and ::")),
                    answer("%%", -33.33333, None),
                    answer("none", 0.0, Some("\\#")),
                ],
            ),
            choice(
                Some("$CATEGORY: not a category"),
                "$CATEGORY: not one either\n\nsecond paragraph",
                GiftKind::Single,
                vec![answer("T", 100.0, None), answer("F", 0.0, Some("#"))],
            ),
            true_false("[plain]True?", true, None, Some("Right: #1 {yes}")),
            true_false("False?", false, Some("Wrong = ~ # { } :"), None),
            true_false("Both?", false, Some("w\\"), Some("r")),
        ];
        let text = write(&questions);
        assert_eq!(parse(&text), Ok(questions), "{text}");
    }

    fn en(s: &str) -> PerLang<String> {
        PerLang {
            en: s.to_string(),
            ..Default::default()
        }
    }

    fn opt(correct: bool, text: &str, feedback: &str) -> QuizOption {
        QuizOption {
            correct,
            text: en(text),
            feedback: en(feedback),
        }
    }

    fn question(id: &str, kind: QuestionKind, text: &str, options: Vec<QuizOption>) -> Question {
        Question {
            id: id.to_string(),
            module: "m".to_string(),
            kind,
            tags: vec!["teacher".to_string()],
            difficulty: 1,
            pages: Vec::new(),
            scenario: None,
            text: en(text),
            options,
            general: PerLang::default(),
        }
    }

    #[test]
    fn export_then_import_gives_the_same_questions() {
        let questions = vec![
            question(
                "q1",
                QuestionKind::Single,
                "Which offer is safe?",
                vec![
                    opt(
                        true,
                        "A contract you can read first",
                        "Right: read it {all} before = signing; ask ~ questions #1.",
                    ),
                    opt(false, "Pay a fee first", "No:: never pay #fees {up front}"),
                    opt(false, "Hand over your passport", ""),
                ],
            ),
            question(
                "q2",
                QuestionKind::Multiple,
                "Which are warning signs?\nTick all.",
                vec![
                    opt(true, "They keep your passport", "Yes = control."),
                    opt(false, "A written contract", "No ~ a good sign."),
                    opt(true, "A \"debt\" you must work off", "Yes: debt bondage."),
                    opt(false, "Paid on time", ""),
                    opt(true, "No days off", "Yes {always} a sign #3."),
                ],
            ),
            question(
                "q3",
                QuestionKind::TrueFalse,
                "Trafficking only happens abroad.",
                vec![
                    opt(false, "True", "Wrong: it happens at home = too."),
                    opt(true, "False", "Right #1: {yes}"),
                ],
            ),
            question(
                "q4",
                QuestionKind::TrueFalse,
                "Forced begging is exploitation.",
                vec![
                    opt(true, "True", ""),
                    opt(false, "False", "Not so ~ see page 2."),
                ],
            ),
            question(
                "q5",
                QuestionKind::Single,
                "Where is the file? C:\\temp\\new",
                vec![opt(true, "Here", "::"), opt(false, "There", "}{")],
            ),
        ];

        let gift = from_questions(&questions, Lang::En);
        assert_eq!(gift[0].title.as_deref(), Some("m/q1"));
        let weights: Vec<f64> = gift[1].answers.iter().map(|a| a.weight).collect();
        assert_eq!(weights, vec![33.33333, -50.0, 33.33333, -50.0, 33.33333]);
        assert_eq!(
            gift[0].answers[2].feedback, None,
            "empty feedback is left out"
        );
        assert_eq!(
            gift[2].true_false,
            Some((
                false,
                Some("Wrong: it happens at home = too.".to_string()),
                Some("Right #1: {yes}".to_string())
            ))
        );
        assert_eq!(
            gift[3].true_false,
            Some((true, Some("Not so ~ see page 2.".to_string()), None))
        );

        let text = write(&gift);
        let parsed = parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(parsed, gift, "{text}");
        assert_eq!(to_questions(&parsed, "m", Lang::En), questions);
    }

    #[test]
    fn a_scenario_goes_before_the_question_in_the_chosen_language() {
        let mut q = question(
            "q9",
            QuestionKind::Scenario,
            "What should she do?",
            vec![opt(true, "Ask", "Yes"), opt(false, "Go", "No")],
        );
        q.scenario = Some(PerLang {
            lt: "Onai 15 metų.".to_string(),
            en: "Ona is 15.".to_string(),
            ru: String::new(),
            uk: String::new(),
        });
        q.text.lt = "Ką ji turėtų daryti?".to_string();
        let gift = from_questions(std::slice::from_ref(&q), Lang::En);
        assert_eq!(gift[0].kind, GiftKind::Single);
        assert_eq!(gift[0].text, "Ona is 15.\n\nWhat should she do?");
        let text = write(&gift);
        assert!(
            text.contains(r"Ona is 15.\n\nWhat should she do? {"),
            "{text}"
        );
        assert_eq!(parse(&text), Ok(gift));

        let lt = from_questions(std::slice::from_ref(&q), Lang::Lt);
        assert_eq!(lt[0].text, "Onai 15 metų.\n\nKą ji turėtų daryti?");
    }

    #[test]
    fn imported_questions_are_in_one_language() {
        let gift = parse("Is it true? {T#No.#Yes.}\n\nPick {~%50%a ~%50%b ~%-100%c}")
            .unwrap_or_else(|e| panic!("{e:?}"));
        let qs = to_questions(&gift, "teacher-1", Lang::Lt);
        assert_eq!(qs[0].key(), "teacher-1/q1");
        assert_eq!(qs[1].id, "q2");
        assert_eq!(qs[0].kind, QuestionKind::TrueFalse);
        assert_eq!(qs[0].options[0].text.lt, "Tiesa");
        assert!(qs[0].options[0].correct && !qs[0].options[1].correct);
        assert_eq!(qs[0].options[0].feedback.lt, "Yes.");
        assert_eq!(qs[0].options[1].feedback.lt, "No.");
        assert_eq!(qs[0].text.en, "", "other languages stay empty");
        assert_eq!(qs[1].kind, QuestionKind::Multiple);
        let correct: Vec<bool> = qs[1].options.iter().map(|o| o.correct).collect();
        assert_eq!(correct, vec![true, true, false]);
    }

    #[test]
    fn general_feedback_is_read_written_and_kept_apart() {
        // As Moodle writes it: after the answers, and in a true/false block after the
        // answer's own feedbacks; `\#` inside it stays a character.
        let text = "::A:: Pick one {\n\t=yes #Right.\n\t~no\n\t####Ask for help \\# 1.\n}\n\n\
                    ::B:: True? {T#Wrong.#Right.####Both see this.}\n\n\
                    ::C:: False? {F####Only this.}";
        let qs = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(qs[0].general.as_deref(), Some("Ask for help # 1."));
        assert_eq!(qs[0].answers.len(), 2);
        assert_eq!(qs[0].answers[1].feedback, None);
        assert_eq!(
            qs[1].true_false,
            Some((true, Some("Wrong.".into()), Some("Right.".into())))
        );
        assert_eq!(qs[1].general.as_deref(), Some("Both see this."));
        assert_eq!(qs[2].true_false, Some((false, None, None)));
        assert_eq!(qs[2].general.as_deref(), Some("Only this."));
        assert_eq!(parse(&write(&qs)), Ok(qs.clone()), "round trip");
        // Moodle takes the last `####`: five `#` are an empty feedback, then general.
        let odd = parse("Q {T#Wrong.#####G}").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(odd[0].general.as_deref(), Some("G"));
        assert_eq!(odd[0].true_false, Some((true, Some("Wrong.".into()), None)));

        let questions = to_questions(&qs, "own-1", Lang::En);
        // Kept apart from the options' own feedback, so it is shown once.
        let fb: Vec<&str> = questions[0]
            .options
            .iter()
            .map(|o| o.feedback.en.as_str())
            .collect();
        assert_eq!(fb, ["Right.", ""]);
        assert_eq!(questions[0].general.en, "Ask for help # 1.");
        assert_eq!(questions[1].general.en, "Both see this.");
        assert_eq!(questions[2].general.lt, "", "one language only");
        // And back: a quiz exported again keeps it.
        let again = from_questions(&questions, Lang::En);
        assert_eq!(again[0].general.as_deref(), Some("Ask for help # 1."));
        assert_eq!(again[2].general.as_deref(), Some("Only this."));
    }

    #[test]
    fn html_from_moodles_editor_becomes_plain_text() {
        let q = parse(
            "::A:: [html]<p>Ona got an offer.<br />What should she <b>check</b>?</p> \
             {=<p>The contract &amp; the company</p> #<a href\\=\"https://x.lt\">Yes</a> ~Nothing}",
        )
        .unwrap();
        assert_eq!(q[0].text, "Ona got an offer.\nWhat should she check?");
        assert_eq!(q[0].answers[0].text, "The contract & the company");
        assert_eq!(q[0].answers[0].feedback.as_deref(), Some("Yes"));
        // Moodle's default format, no marker, with tags: the same.
        let q = parse("::B:: <ul><li>one</li><li>two</li></ul> {T}").unwrap();
        assert_eq!(q[0].text, "- one\n- two");
        // A lone "<" in plain text is text.
        let q = parse("::C:: Is 3 < 5? {T}").unwrap();
        assert_eq!(q[0].text, "Is 3 < 5?");
        let q = parse("::D:: [markdown]Keep <b> as written {T}").unwrap();
        assert_eq!(q[0].text, "Keep <b> as written");
    }
}

#[test]
fn each_problem_has_the_kind_the_teacher_is_told() {
    use crate::gift::*;
    let kind_of = |text: &str| parse(text).unwrap_err()[0].kind;
    assert_eq!(kind_of("::A Not closed {=yes ~no}"), GiftProblem::Title);
    assert_eq!(kind_of("::A:: Not closed {=yes ~no"), GiftProblem::Braces);
    assert_eq!(kind_of("Write about it {}"), GiftProblem::Unsupported);
    assert_eq!(kind_of("How many? {#3}"), GiftProblem::Unsupported);
    assert_eq!(kind_of("Pick {~a ~b}"), GiftProblem::RightAnswers);
    assert_eq!(kind_of("Pick {~%150%a =b}"), GiftProblem::Weight);
    assert_eq!(kind_of("Pick {=a ~}"), GiftProblem::Missing);
}
