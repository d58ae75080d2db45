//! Problems found in files a person wrote (content, help data): what is wrong and
//! where, one collector for every check, and reading TOML with the line of its error.
//!
//! Plain data: no file access. The content check, the help check and the quiz check
//! all report through [`Collector`], so every message has the same shape.

use std::fmt;

/// How bad a problem is: errors keep content out of the app and fail the check;
/// warnings are printed and let it through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// What is wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Path relative to the content folder, with `/` separators.
    pub file: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// The field, for metadata (`title.ru`, `sources`…).
    pub field: Option<String>,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// A TOML file read into `T`, or the problem with its line.
pub fn parse_toml_text<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
) -> Result<T, Problem> {
    toml::from_str::<T>(text).map_err(|e| Problem {
        file: path.to_string(),
        line: e.span().map(|s| line_of(text, s.start)),
        field: None,
        message: e.message().trim().to_string(),
        severity: Severity::Error,
    })
}

/// Every problem of a check, in the order found.
#[derive(Debug, Default)]
pub struct Collector {
    pub problems: Vec<Problem>,
}

impl Collector {
    /// An error in `file`, at a line or a field where it has one.
    pub fn at(
        &mut self,
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        message: impl Into<String>,
    ) {
        self.push(file, line, field, message.into(), Severity::Error);
    }

    pub fn push(
        &mut self,
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        message: String,
        severity: Severity,
    ) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message,
            severity,
        });
    }

    /// A TOML file read into `T`; on failure the problem is collected.
    pub fn parse_toml<T: serde::de::DeserializeOwned>(
        &mut self,
        path: &str,
        text: &str,
    ) -> Option<T> {
        parse_toml_text(path, text)
            .map_err(|p| self.problems.push(p))
            .ok()
    }

    /// How many problems so far (to tell whether a part added any).
    pub fn count(&self) -> usize {
        self.problems.len()
    }

    /// The same collector, for the fields of one file.
    pub fn file<'a>(&'a mut self, path: &'a str) -> FileReport<'a> {
        FileReport {
            path,
            collector: self,
        }
    }
}

/// A [`Collector`] seen from one file: problems name a field of it.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub collector: &'a mut Collector,
}

impl FileReport<'_> {
    /// An error in a field of this file.
    pub fn at(&mut self, field: String, message: impl Into<String>) {
        self.collector.push(
            self.path,
            None,
            Some(&field),
            message.into(),
            Severity::Error,
        );
    }

    /// A warning in a field of this file: printed, but the content is let through.
    pub fn warn(&mut self, field: String, message: impl Into<String>) {
        self.collector.push(
            self.path,
            None,
            Some(&field),
            message.into(),
            Severity::Warning,
        );
    }

    pub fn parse<T: serde::de::DeserializeOwned>(&mut self, text: &str) -> Option<T> {
        self.collector.parse_toml(self.path, text)
    }

    pub fn count(&self) -> usize {
        self.collector.count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_print_file_line_field() {
        let p = Problem {
            file: "modules/a/en.md".into(),
            line: Some(4),
            field: None,
            message: "x".into(),
            severity: Severity::Error,
        };
        assert_eq!(p.to_string(), "modules/a/en.md:4: x");
        let p = Problem {
            file: "modules/a/module.toml".into(),
            line: None,
            field: Some("title".into()),
            message: "missing language `ru`".into(),
            severity: Severity::Error,
        };
        assert_eq!(
            p.to_string(),
            "modules/a/module.toml: field `title`: missing language `ru`"
        );
    }
}
