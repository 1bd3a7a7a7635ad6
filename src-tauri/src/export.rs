//! Writing an export to the place the person chose: the one shell-side step of exporting that is
//! not the core's (the core makes the text; this puts it in the chosen file or folder).

use std::path::Path;

use keel::interchange;
use keel::Journal;

use crate::dto::ExportFormatDto;
use crate::error::ErrorDto;

/// Writes `format` to `path` (a file for JSON and CSV, a folder for Markdown); returns how many
/// files it wrote.
pub fn write(
    journal: &Journal,
    format: ExportFormatDto,
    path: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize, ErrorDto> {
    let write_file = |text: String| -> Result<usize, ErrorDto> {
        std::fs::write(path, text).map_err(|source| {
            ErrorDto::from(keel::KeelError::Io {
                action: "write",
                path: path.to_owned(),
                source,
            })
        })?;
        Ok(1)
    };
    match format {
        ExportFormatDto::Json => {
            progress(0, 1);
            let n = write_file(interchange::export_json(journal)?)?;
            progress(1, 1);
            Ok(n)
        }
        ExportFormatDto::Csv => {
            progress(0, 1);
            let n = write_file(interchange::export_csv(journal)?)?;
            progress(1, 1);
            Ok(n)
        }
        ExportFormatDto::Markdown => Ok(interchange::export_markdown(journal, path, progress)?),
    }
}
