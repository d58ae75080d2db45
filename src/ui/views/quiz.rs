//! Quizzes that teach (one question per screen, feedback that explains, a result the
//! teacher can read as a code), practising mistakes, and the private self-check.

use std::collections::BTreeSet;

use dioxus::prelude::*;

use crate::quiz::resultcode;
use crate::quiz::{self, Answered, Outcome, Question, QuestionKind};
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::components::qr::QrCode;
use crate::ui::components::read_aloud::ReadAloud;
use crate::ui::state::{use_ctx, Screen};
use crate::ui::views::results::ShowCode;

/// One question: choose, then see right or wrong with the reasons, then go on.
#[component]
fn QuestionCard(
    question: Question,
    /// The options in the order to show them (indexes into `question.options`).
    order: Vec<usize>,
    on_answer: EventHandler<BTreeSet<usize>>,
    on_next: EventHandler<()>,
    next_label: String,
    /// The question is the screen's heading (`h1`); `false` under a screen's own `h1`.
    #[props(default = true)]
    top: bool,
) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut chosen = use_signal(BTreeSet::<usize>::new);
    let mut answered = use_signal(|| false);
    let multiple = question.kind == QuestionKind::Multiple;
    let correct = question.correct_set();
    let right = answered() && question.is_right(&chosen());
    // The explanation comes into view (above the tab bar) once the answer is given.
    use_effect(move || {
        if answered() {
            crate::ui::js::focus("[data-verdict]");
        }
    });
    rsx! {
        article { class: "question", "data-question": "{question.key()}", "data-kind": question.kind.code(),
            if let Some(s) = &question.scenario {
                aside { class: "note scenario", p { {s.get(lang).clone()} } }
            }
            if top {
                h1 { class: "question-text", {question.text.get(lang).clone()} }
            } else {
                h2 { class: "question-text", {question.text.get(lang).clone()} }
            }
            ReadAloud { target: "article.question" }
            if multiple && !answered() {
                p { class: "muted", {ctx.t("quiz.choose_all")} }
            }
            div { class: "options",
                for i in order.iter().copied() {
                    {
                        let o = &question.options[i];
                        let is_chosen = chosen().contains(&i);
                        let class = match (answered(), o.correct, is_chosen) {
                            (true, true, true) => "option right chosen",
                            (true, true, false) => "option right",
                            (true, false, true) => "option wrong chosen",
                            (true, false, false) => "option",
                            (false, _, true) => "option chosen",
                            (false, _, false) => "option",
                        };
                        rsx! {
                            button {
                                key: "{i}",
                                class: class,
                                "data-option": "{i}",
                                "data-correct": if answered() { if o.correct { "true" } else { "false" } },
                                "aria-pressed": if is_chosen { "true" } else { "false" },
                                disabled: answered(),
                                onclick: move |_| {
                                    if answered() {
                                        return;
                                    }
                                    if multiple {
                                        let mut c = chosen.write();
                                        if !c.remove(&i) {
                                            c.insert(i);
                                        }
                                    } else {
                                        chosen.set(BTreeSet::from([i]));
                                        answered.set(true);
                                        on_answer.call(BTreeSet::from([i]));
                                    }
                                },
                                span { {o.text.get(lang).clone()} }
                                // After answering, each option says what it is, in words
                                // and an icon as well as its colour.
                                if answered() && (is_chosen || o.correct) {
                                    span { class: "option-mark", "data-mark": match (is_chosen, o.correct) { (true, true) => "chosen-right", (true, false) => "chosen-wrong", _ => "missed-right" },
                                        Svg { icon: if o.correct { Icon::Check } else { Icon::Close } }
                                        // A leading space, so reading aloud pauses between the option and its mark.
                                        match (is_chosen, o.correct) {
                                            (true, true) => format!(" {}", ctx.t("quiz.mark_chosen_right")),
                                            (true, false) => format!(" {}", ctx.t("quiz.mark_chosen_wrong")),
                                            _ => format!(" {}", ctx.t("quiz.mark_missed_right")),
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if multiple && !answered() {
                button {
                    class: "btn primary wide",
                    "data-action": "check",
                    disabled: chosen().is_empty(),
                    onclick: move |_| {
                        answered.set(true);
                        on_answer.call(chosen());
                    },
                    {ctx.t("quiz.check")}
                }
            }
            if answered() {
                div { class: if right { "verdict right" } else { "verdict wrong" }, role: "status", tabindex: "-1", "data-verdict": if right { "right" } else { "wrong" },
                    strong { if right { {ctx.t("quiz.right")} } else { {ctx.t("quiz.wrong")} } }
                    // The pupil's own answer and why first, then what was right.
                    for i in order.iter().copied().filter(|i| chosen().contains(i)) {
                        p { key: "y{i}", class: "feedback", "data-feedback": if correct.contains(&i) { "chosen-right" } else { "chosen-wrong" },
                            Svg { icon: if correct.contains(&i) { Icon::Check } else { Icon::Close } }
                            span {
                                strong { {format!("{} {}", ctx.t("quiz.your_answer"), question.options[i].text.get(lang))} }
                                if !question.options[i].feedback.get(lang).is_empty() {
                                    " — " {question.options[i].feedback.get(lang).clone()}
                                }
                            }
                        }
                    }
                    if !right {
                        for i in order.iter().copied().filter(|i| correct.contains(i) && !chosen().contains(i)) {
                            p { key: "r{i}", class: "feedback", "data-feedback": "missed-right",
                                Svg { icon: Icon::Check }
                                span {
                                    strong { {format!("{} {}", if multiple { ctx.t("quiz.also_right") } else { ctx.t("quiz.the_right_answer") }, question.options[i].text.get(lang))} }
                                    if !question.options[i].feedback.get(lang).is_empty() {
                                        " — " {question.options[i].feedback.get(lang).clone()}
                                    }
                                }
                            }
                        }
                    }
                    if !question.general.get(lang).is_empty() {
                        p { class: "feedback general", "data-general": "true", {question.general.get(lang).clone()} }
                    }
                }
                button { class: "btn primary wide", "data-action": "next-question", onclick: move |_| on_next.call(()),
                    span { "{next_label}" }
                    Svg { icon: Icon::ArrowRight }
                }
            }
        }
    }
}

fn seed_for(quiz_id: &str, attempt: usize) -> u64 {
    resultcode::quiz_number(quiz_id) as u64 * 1_000_003 + attempt as u64
}

#[component]
pub fn QuizRun(id: String) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    // Each attempt asks in another (reproducible) order.
    let attempts = (ctx.quiz_stats).peek().get(&id).map_or(0, |s| s.attempts);
    let mut round = use_signal(|| attempts);
    let mut step = use_signal(|| 0usize);
    let mut answers = use_signal(Vec::<Answered>::new);
    let mut done = use_signal(|| false);
    let mut show_code = use_signal(|| false);
    // A quiz left in the middle is offered to resume (or start again).
    let left = {
        let id = id.clone();
        move || {
            (ctx.quiz_progress)
                .peek()
                .clone()
                .filter(|p| p.quiz_id == id && !p.answers.is_empty())
        }
    };
    let mut asking = use_signal(|| left().is_some());
    // Every answer is kept in memory, so Help or another tab does not cost the quiz.
    {
        let id = id.clone();
        use_effect(move || {
            let (r, a, d, asked) = (round(), answers(), done(), asking());
            if asked {
                return;
            }
            let mut progress = ctx.quiz_progress;
            if d || a.is_empty() {
                if progress.peek().as_ref().is_some_and(|p| p.quiz_id == id) {
                    progress.set(None);
                }
            } else {
                progress.set(Some(crate::ui::state::QuizProgress {
                    quiz_id: id.clone(),
                    round: r,
                    answers: a,
                }));
            }
        });
    }
    // Every question and the result start at the top of the screen.
    use_effect(move || {
        let _ = (step(), done(), round());
        crate::ui::js::top_of_screen();
    });
    let Some(quiz) = ctx.catalog().quiz(&id).cloned() else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let order = quiz::order(&quiz, seed_for(&quiz.id, round()));
    let total = quiz.questions.len();
    let title = match (&quiz.title, &quiz.module) {
        (Some(t), _) => t.get(lang).clone(),
        (None, Some(m)) => ctx
            .catalog()
            .module(m)
            .map(|m| m.title.get(lang).clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let back = quiz.module.clone();
    let back_button = rsx! {
        button { class: "back",
            onclick: move |_| match &back {
                Some(m) => ctx.go(Screen::Module(m.clone())),
                None => ctx.go(Screen::Learn),
            },
            Svg { icon: Icon::ArrowLeft }
            span { {ctx.t("quiz.leave")} }
        }
    };
    if asking() {
        if let Some(p) = left() {
            let n = p.answers.len();
            return rsx! {
                {back_button}
                section { class: "card resume", "data-resume": "{n}",
                    h1 { "{title}" }
                    p { {ctx.t_with("quiz.resume_text", &[("n", &n.to_string()), ("total", &total.to_string())])} }
                    button { class: "btn primary wide", "data-action": "resume-quiz",
                        onclick: move |_| {
                            round.set(p.round);
                            // The next question not yet answered.
                            step.set(p.answers.len().min(total.saturating_sub(1)));
                            answers.set(p.answers.clone());
                            asking.set(false);
                        },
                        span { {ctx.t_with("quiz.resume", &[("n", &(n + 1).min(total).to_string()), ("total", &total.to_string())])} }
                        Svg { icon: Icon::ArrowRight }
                    }
                    button { class: "btn wide", "data-action": "restart-quiz",
                        onclick: move |_| {
                            let mut progress = ctx.quiz_progress;
                            progress.set(None);
                            asking.set(false);
                        },
                        {ctx.t("quiz.start_again")}
                    }
                }
            };
        }
    }
    if done() {
        let answered = answers();
        let score = quiz::score(&answered);
        let mut in_order: Vec<Answered> = answered.clone();
        in_order.sort_by_key(|a| a.question);
        let code = quiz::result_code(&quiz, &answered);
        let missed: Vec<Question> = in_order
            .iter()
            .filter(|a| !a.right)
            .filter_map(|a| quiz.questions.get(a.question).cloned())
            .collect();
        let to_practise = !(ctx.review)().boxes.is_empty();
        let quiz_for_retry = quiz.id.clone();
        let _ = quiz_for_retry;
        return rsx! {
            {back_button}
            section { class: "card quiz-result", "data-score": "{score.right}", "data-total": "{score.total}",
                h1 { "{title}" }
                p { class: "figure", "{score.right} / {score.total}" }
                p { {ctx.t_with("quiz.score", &[("right", &score.right.to_string()), ("total", &score.total.to_string())])} }
                if let Some(code) = &code {
                    div { class: "result-code", "data-code": "{code}",
                        p { class: "small-heading", {ctx.t("quiz.code_title")} }
                        p { class: "code", "{resultcode::Grouped(code)}" }
                        p { class: "muted", {ctx.t("quiz.code_explain")} }
                        QrCode { text: code.clone(), label: ctx.t("quiz.code_qr") }
                        button { class: "btn", "data-action": "show-code", onclick: move |_| show_code.set(true),
                            {ctx.t("quiz.show_teacher")}
                        }
                        if show_code() {
                            ShowCode { code: code.clone(), on_close: move |_| show_code.set(false) }
                        }
                    }
                }
                div { class: "stack",
                    button { class: "btn primary", "data-action": "retry",
                        onclick: move |_| {
                            round += 1;
                            step.set(0);
                            answers.set(Vec::new());
                            done.set(false);
                        },
                        {ctx.t("quiz.retry")}
                    }
                    if to_practise {
                        button { class: "btn", "data-action": "practise", onclick: move |_| ctx.go(Screen::Practice), {ctx.t("practice.start")} }
                    }
                }
            }
            if !missed.is_empty() {
                h2 { {ctx.t("quiz.missed")} }
                for q in missed {
                    MissedQuestion { key: "{q.key()}", question: q }
                }
            }
        };
    }
    let position = step().min(total.saturating_sub(1));
    let Some(&qi) = order.questions.get(position) else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let question = quiz.questions[qi].clone();
    let last = position + 1 == total;
    let pct = position * 100 / total.max(1);
    let quiz_for_finish = quiz.clone();
    rsx! {
        {back_button}
        p { class: "page-count", {ctx.t_with("quiz.progress", &[("n", &(position + 1).to_string()), ("total", &total.to_string())])} }
        div { class: "bar", role: "progressbar", "aria-label": ctx.t("learn.progress"), "aria-valuenow": "{pct}", "aria-valuemin": "0", "aria-valuemax": "100",
            div { class: "bar-fill", width: "{pct}%" }
        }
        // A list of one, so that a new key gives a fresh card (keys count in lists).
        for card_key in [format!("{}-{}", round(), position)] {
            QuestionCard {
                key: "{card_key}",
                question: question.clone(),
                order: order.options[qi].clone(),
                next_label: if last { ctx.t("quiz.see_result") } else { ctx.t("quiz.next") },
                on_answer: {
                    let q = quiz.questions[qi].clone();
                    move |chosen: BTreeSet<usize>| {
                        let right = q.is_right(&chosen);
                        answers.write().push(Answered { question: qi, chosen, right });
                    }
                },
                on_next: {
                    let quiz_for_finish = quiz_for_finish.clone();
                    move |_| {
                        if last {
                            ctx.finish_quiz(&quiz_for_finish, &answers());
                            done.set(true);
                        } else {
                            step += 1;
                        }
                    }
                },
            }
        }
    }
}

/// A missed question at the end: the right answer, why, and where the lesson teaches it.
#[component]
fn MissedQuestion(question: Question) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let module = question.module.clone();
    rsx! {
        article { class: "card missed", "data-missed": "{question.key()}",
            p { strong { {question.text.get(lang).clone()} } }
            for o in question.options.iter().filter(|o| o.correct) {
                p { class: "right-answer", Svg { icon: Icon::Check } {o.text.get(lang).clone()} }
                p { class: "muted", {o.feedback.get(lang).clone()} }
            }
            if !question.general.get(lang).is_empty() {
                p { class: "muted", {question.general.get(lang).clone()} }
            }
            for page in question.pages.iter().copied() {
                {
                    let m = module.clone();
                    rsx! {
                        button { class: "inline-link", "data-action": "read-page", onclick: move |_| ctx.open_page(&m, page),
                            {ctx.t_with("quiz.read_page", &[("n", &(page + 1).to_string())])}
                        }
                        " "
                    }
                }
            }
        }
    }
}

/// Practise my mistakes: questions answered wrongly, until right twice in a row.
#[component]
pub fn Practice() -> Element {
    let ctx = use_ctx();
    let mut round = use_signal(|| 0usize);
    let all: Vec<&Question> = ctx
        .catalog()
        .quizzes
        .iter()
        .flat_map(|q| q.questions.iter())
        .collect();
    let known: BTreeSet<String> = all.iter().map(|q| q.key()).collect();
    // Questions no longer in the course (the content changed) are skipped.
    let due = move |known: &BTreeSet<String>| -> Vec<String> {
        let mut r = (ctx.review).peek().clone();
        r.boxes.retain(|k, _| known.contains(k));
        r.due(5)
    };
    // The set of questions is fixed when a round starts.
    let mut keys = use_signal(|| due(&known));
    let mut step = use_signal(|| 0usize);
    let left = (ctx.review)()
        .boxes
        .keys()
        .filter(|k| known.contains(*k))
        .count();
    rsx! {
        button { class: "back", onclick: move |_| ctx.go(Screen::Learn),
            Svg { icon: Icon::ArrowLeft }
            span { {ctx.t("module.back")} }
        }
        h1 { {ctx.t("practice.title")} }
        p { class: "lead", {ctx.t("practice.intro")} }
        {
            let current = keys().get(step()).cloned();
            match current.and_then(|k| all.iter().find(|q| q.key() == k).map(|q| (*q).clone())) {
                Some(question) => {
                    let key = question.key();
                    let n = question.options.len();
                    let opts = quiz::shuffled(n, &mut quiz::Rng::new(seed_for(&key, round() + step())));
                    let q2 = question.clone();
                    let order = if q2.kind == QuestionKind::TrueFalse { (0..n).collect() } else { opts };
                    rsx! {
                        for card_key in [format!("{}-{}", round(), step())] {
                            QuestionCard {
                                key: "{card_key}",
                                question: question.clone(),
                                order: order.clone(),
                                next_label: ctx.t("quiz.next"),
                                top: false,
                                on_answer: {
                                    let (key, q2) = (key.clone(), q2.clone());
                                    move |chosen: BTreeSet<usize>| ctx.practise(&key, q2.is_right(&chosen))
                                },
                                on_next: move |_| step += 1,
                            }
                        }
                    }
                }
                None => rsx! {
                    section { class: "card", "data-practice-done": "true",
                        if left == 0 {
                            p { class: "done-banner", {ctx.t("practice.nothing")} }
                        } else {
                            p { {ctx.t_with("practice.left", &[("n", &left.to_string())])} }
                            button { class: "btn primary", "data-action": "practise-more",
                                onclick: move |_| {
                                    keys.set(due(&known));
                                    step.set(0);
                                    round += 1;
                                },
                                {ctx.t("practice.more")}
                            }
                        }
                    }
                },
            }
        }
    }
}

/// "Am I at risk?": private. Answers live in this component only: nothing is stored,
/// logged or put in history, and quick exit drops them with the page.
#[component]
pub fn SelfCheckRun() -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut started = use_signal(|| false);
    let mut answers = use_signal(Vec::<usize>::new);
    use_effect(move || {
        let _ = (answers().len(), started());
        crate::ui::js::top_of_screen();
    });
    let Some(check) = ctx.catalog().self_check.as_ref() else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let total = check.questions.len();
    if !started() {
        return rsx! {
            h1 { {ctx.t("selfcheck.title")} }
            section { class: "card", "data-selfcheck": "intro",
                p { class: "lead", {ctx.t("selfcheck.intro")} }
                p { class: "done-banner", Svg { icon: Icon::Shield } span { {ctx.t("selfcheck.private")} } }
                button { class: "btn primary wide", "data-action": "selfcheck-start", onclick: move |_| started.set(true),
                    span { {ctx.t("selfcheck.start")} }
                    Svg { icon: Icon::ArrowRight }
                }
            }
        };
    }
    let n = answers().len();
    if n >= total {
        let (outcome, areas) = check.assess(&answers());
        let name = match outcome {
            Outcome::Low => "low",
            Outcome::Some => "some",
            Outcome::Serious => "serious",
        };
        let (title, text) = check.outcomes.get(name).cloned().unwrap_or_default();
        let helpline = ctx
            .catalog()
            .help
            .iter()
            .find(|s| {
                s.categories
                    .contains(&crate::content::help::Category::Trafficking)
                    && !s.phones.is_empty()
            })
            .and_then(|s| s.phones.first().cloned());
        return rsx! {
            section { class: "card outcome {name}", "data-outcome": name,
                h1 { {title.get(lang).clone()} }
                p { {text.get(lang).clone()} }
                div { class: "stack",
                    if let Some(p) = helpline {
                        a { class: "btn primary", href: p.tel_href(), "data-tel": "{p.number}",
                            {ctx.t_with("selfcheck.call_helpline", &[("number", &p.display)])}
                        }
                    }
                    a { class: "btn call-112", href: "tel:112", {ctx.t_with("help.call", &[("number", "112")])} }
                    button { class: "btn", "data-action": "selfcheck-again",
                        onclick: move |_| {
                            answers.set(Vec::new());
                            started.set(false);
                        },
                        {ctx.t("selfcheck.again")}
                    }
                }
            }
            for area in areas {
                if let Some(a) = check.advice.get(&area) {
                    p { class: "advice card", key: "{area}", {a.get(lang).clone()} }
                }
            }
        };
    }
    let q = &check.questions[n];
    rsx! {
        p { class: "page-count", {ctx.t_with("quiz.progress", &[("n", &(n + 1).to_string()), ("total", &total.to_string())])} }
        article { class: "question", "data-selfcheck-question": "{q.id}",
            h1 { class: "question-text", {q.text.get(lang).clone()} }
            ReadAloud { key: "{q.id}", target: "article.question" }
            div { class: "options",
                // Keyed by question too, so no option carries its look to the next one.
                for (i, o) in q.options.iter().enumerate() {
                    button { key: "{q.id}-{i}", class: "option", "data-option": "{i}", onclick: move |_| answers.write().push(i),
                        span { {o.text.get(lang).clone()} }
                    }
                }
            }
            if n > 0 {
                button { class: "btn", "data-action": "selfcheck-back", onclick: move |_| { answers.write().pop(); },
                    Svg { icon: Icon::ArrowLeft }
                    span { {ctx.t("quiz.previous_question")} }
                }
            }
        }
    }
}
