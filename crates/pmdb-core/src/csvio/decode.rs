//! Turning a file's bytes into text as spreadsheets write it: UTF-8 with or without a
//! byte-order mark, UTF-16 (either byte order) with one, and otherwise Windows-1252, which
//! is what Excel's "CSV (Comma delimited)" writes on a UK machine.

use std::borrow::Cow;

use super::CsvError;

/// The encoding a file was read in, as the import summary names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The encoding `decode` reads these bytes in (a byte-order mark decides; otherwise UTF-8
/// if the bytes are valid UTF-8, else Windows-1252).
pub fn encoding_of(bytes: &[u8]) -> TextEncoding {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, _)) if e == encoding_rs::UTF_16LE => TextEncoding::Utf16Le,
        Some((e, _)) if e == encoding_rs::UTF_16BE => TextEncoding::Utf16Be,
        Some(_) => TextEncoding::Utf8,
        None if std::str::from_utf8(bytes).is_ok() => TextEncoding::Utf8,
        None => TextEncoding::Windows1252,
    }
}

const NOT_TEXT: &str =
    "not CSV text (neither UTF-8, UTF-16 nor Windows-1252); is this the right file?";

/// The file's text without its byte-order mark, and the encoding it was read in.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), CsvError> {
    let encoding = encoding_of(bytes);
    let bom = encoding_rs::Encoding::for_bom(bytes).map_or(0, |(_, n)| n);
    let body = &bytes[bom..];
    let text = match encoding {
        TextEncoding::Utf8 => match std::str::from_utf8(body) {
            Ok(t) => Cow::Borrowed(t),
            // Only after a UTF-8 byte-order mark: the file says it is UTF-8 and is not.
            Err(e) => {
                let row = 1 + body[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                return Err(CsvError(format!(
                    "row {row}: not UTF-8 text, though the file starts with a UTF-8 byte-order mark; is this the right file?"
                )));
            }
        },
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let e = if encoding == TextEncoding::Utf16Le {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            match e.decode_without_bom_handling_and_without_replacement(body) {
                Some(t) => t,
                None => return Err(CsvError(NOT_TEXT.into())),
            }
        }
        TextEncoding::Windows1252 => {
            let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
            // Every byte is some Windows-1252 character, so only control bytes, which no
            // spreadsheet writes, tell a binary file from text.
            if t.chars()
                .any(|c| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r'))
            {
                return Err(CsvError(NOT_TEXT.into()));
            }
            t
        }
    };
    Ok((text, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut out = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            let b = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend(b);
        }
        out
    }

    #[test]
    fn every_encoding_a_spreadsheet_writes_is_read() {
        let text = "code,title\nX1,£5 café\n";
        let cases: [(Vec<u8>, TextEncoding); 5] = [
            (text.as_bytes().to_vec(), TextEncoding::Utf8),
            (
                [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                TextEncoding::Utf8,
            ),
            (utf16(text, true), TextEncoding::Utf16Le),
            (utf16(text, false), TextEncoding::Utf16Be),
            (
                b"code,title\nX1,\xA35 caf\xE9\n".to_vec(),
                TextEncoding::Windows1252,
            ),
        ];
        for (bytes, encoding) in cases {
            let (t, e) = decode(&bytes).unwrap();
            assert_eq!((t.as_ref(), e), (text, encoding));
            assert_eq!(encoding_of(&bytes), encoding);
        }
    }

    #[test]
    fn binary_and_broken_files_are_not_text() {
        let err = decode(b"\x89PNG\r\n\x1a\n\xff").unwrap_err();
        assert_eq!(err.0, NOT_TEXT);
        let err = decode(b"\xEF\xBB\xBFcode\nX\xff\n").unwrap_err();
        assert!(err.0.starts_with("row 2: not UTF-8 text"), "{}", err.0);
        // An odd number of bytes after a UTF-16 byte-order mark.
        assert_eq!(decode(b"\xFF\xFEa\x00b").unwrap_err().0, NOT_TEXT);
    }
}
