//! Sauga's teacher-only tools, kept apart so a pupil's phone never downloads them:
//! a report as an `.xlsx` workbook (feature `xlsx`) and the text of a QR code in a
//! camera frame (feature `qr`). The [`Book`] type is always built, so the app can
//! describe a workbook without linking the writer.
//!
//! On the web this crate is its own wasm module (feature `web`), loaded the first
//! time a teacher exports a spreadsheet or scans a code; native builds link it.

use serde::{Deserialize, Serialize};

/// A cell of a sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A percentage (0–100), written as a number with a % format.
    Percent(f64),
}

/// One sheet: a header row (frozen) and rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook: one sheet per report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

/// Excel's limit on a sheet name, in characters.
pub const SHEET_NAME_CHARS: usize = 31;

/// A sheet name Excel accepts: without `[]:*?/\`, not starting or ending with `'`, at
/// most 31 characters, never empty, and unlike the names in `used` (compared as
/// Excel does, ignoring case).
pub fn sheet_name(name: &str, used: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base = if clean.is_empty() { "Sheet" } else { clean };
    let taken = |n: &str| used.iter().any(|u| u.to_lowercase() == n.to_lowercase());
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let first = cut(base, SHEET_NAME_CHARS);
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|i| {
            let suffix = format!(" ({i})");
            format!(
                "{}{suffix}",
                cut(base, SHEET_NAME_CHARS - suffix.chars().count())
            )
        })
        .find(|n| !taken(n))
        .unwrap_or(first)
}

#[cfg(any(feature = "xlsx", test))]
/// A column's width in characters: its longest cell, within 6 and 50 (longer text
/// wraps in the header).
fn width(header: &str, rows: &[Vec<Cell>], column: usize) -> f64 {
    let len = |c: &Cell| match c {
        Cell::Empty => 0,
        Cell::Text(t) => t.chars().count(),
        Cell::Number(n) => format!("{n}").len(),
        Cell::Percent(_) => 7,
    };
    let longest = rows
        .iter()
        .filter_map(|r| r.get(column))
        .map(len)
        .chain(std::iter::once(header.chars().count()))
        .max()
        .unwrap_or(0);
    (longest as f64 + 2.0).clamp(6.0, 50.0)
}

/// The workbook as the bytes of an `.xlsx` file: text as text, numbers as numbers,
/// percentages as numbers with a % format, the header row bold and frozen, columns
/// as wide as their contents.
#[cfg(feature = "xlsx")]
pub fn xlsx(book: &Book) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut workbook = Workbook::new();
    let header_format = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let percent = Format::new().set_num_format("0.0%");
    let mut used: Vec<String> = Vec::new();
    for sheet in &book.sheets {
        let name = sheet_name(&sheet.name, &used);
        used.push(name.clone());
        let ws = workbook.add_worksheet();
        ws.set_name(&name).map_err(err)?;
        for (c, h) in sheet.header.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| "too many columns".to_string())?;
            ws.write_string_with_format(0, col, h, &header_format)
                .map_err(err)?;
            ws.set_column_width(col, width(h, &sheet.rows, c))
                .map_err(err)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let line = u32::try_from(r + 1).map_err(|_| "too many rows".to_string())?;
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(|_| "too many columns".to_string())?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        ws.write_string(line, col, t).map_err(err)?;
                    }
                    Cell::Number(n) => {
                        ws.write_number(line, col, *n).map_err(err)?;
                    }
                    Cell::Percent(p) => {
                        ws.write_number_with_format(line, col, p / 100.0, &percent)
                            .map_err(err)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
    }
    if book.sheets.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer().map_err(err)
}

/// The texts of the QR codes found in a grey image (one byte per pixel, row by row).
#[cfg(feature = "qr")]
pub fn read_qr(luma: &[u8], width: usize, height: usize) -> Vec<String> {
    if width == 0 || height == 0 || luma.len() < width * height {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// The web module's two entry points (wasm-bindgen).
#[cfg(feature = "web")]
mod web {
    use wasm_bindgen::prelude::*;

    /// A workbook given as JSON ([`crate::Book`]) as the bytes of an `.xlsx` file.
    #[wasm_bindgen]
    pub fn xlsx(book_json: &str) -> Result<Vec<u8>, JsError> {
        let book: crate::Book =
            serde_json::from_str(book_json).map_err(|e| JsError::new(&e.to_string()))?;
        crate::xlsx(&book).map_err(|e| JsError::new(&e))
    }

    /// The first QR code's text in a grey camera frame, if one is readable.
    #[wasm_bindgen]
    pub fn read_qr(luma: &[u8], width: usize, height: usize) -> Option<String> {
        crate::read_qr(luma, width, height).into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("Mokiniai / laikas", &[]), "Mokiniai - laikas");
        assert_eq!(sheet_name("  ", &[]), "Sheet");
        let long = "Klausimai, kurie buvo sunkiausi šiai klasei";
        let first = sheet_name(long, &[]);
        assert_eq!(first.chars().count(), 31);
        let second = sheet_name(long, std::slice::from_ref(&first));
        assert!(
            second.ends_with(" (2)") && second.chars().count() == 31,
            "{second}"
        );
        assert_eq!(sheet_name("temos", &["Temos".into()]), "temos (2)");
    }

    #[test]
    fn columns_are_as_wide_as_their_longest_cell_within_bounds() {
        let rows = vec![vec![Cell::Text("#12 Žemyna".into()), Cell::Percent(50.0)]];
        assert_eq!(width("Mokinys", &rows, 0), 12.0);
        assert_eq!(width("%", &rows, 1), 9.0);
        assert_eq!(width(&"x".repeat(200), &rows, 0), 50.0);
        assert_eq!(width("", &[], 3), 6.0);
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn a_workbook_is_a_zip_with_a_sheet_per_report() {
        let book = Book {
            sheets: vec![
                Sheet {
                    name: "A".into(),
                    header: vec!["Mokinys".into(), "%".into()],
                    rows: vec![vec![Cell::Text("#1".into()), Cell::Percent(66.7)]],
                },
                Sheet {
                    name: "A".into(),
                    ..Sheet::default()
                },
            ],
        };
        let bytes = xlsx(&book).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("xl/worksheets/sheet2.xml"), "two sheets");
    }

    #[cfg(feature = "qr")]
    #[test]
    fn a_qr_code_drawn_in_a_frame_is_read_back() {
        let code = qrcode::QrCode::new(b"K7PQ-2M4X-9TRA").unwrap();
        let modules = code.to_colors();
        let n = code.width();
        // Each module 4 pixels, a quiet zone of 4 modules, on a 200 × 200 grey frame.
        let (size, scale, quiet) = (200usize, 4usize, 16usize);
        let mut luma = vec![200u8; size * size];
        for y in 0..n {
            for x in 0..n {
                if modules[y * n + x] == qrcode::Color::Dark {
                    for dy in 0..scale {
                        for dx in 0..scale {
                            luma[(quiet + y * scale + dy) * size + quiet + x * scale + dx] = 20;
                        }
                    }
                }
            }
        }
        assert_eq!(read_qr(&luma, size, size), ["K7PQ-2M4X-9TRA"]);
        assert!(read_qr(&vec![128; size * size], size, size).is_empty());
        assert!(
            read_qr(&[0; 10], size, size).is_empty(),
            "a short buffer is no image"
        );
    }
}
