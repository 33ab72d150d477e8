//! The fast path (lines without quotes split in place) must read exactly what csv-core alone
//! reads: the same fields, record by record, whatever the mix of quotes and line endings; and a
//! quote is reported unclosed exactly when csv-core ends the file inside one.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use csv_core::{ReadRecordResult, ReaderBuilder};
use proptest::prelude::*;
use tiermix_sheet::csv::for_each_record;

/// Every record's fields as csv-core alone reads them.
fn csv_core_only(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text.as_bytes();
    let (mut output, mut ends) = (vec![0u8; 1 << 16], vec![0usize; 1024]);
    let mut records = Vec::new();
    let (mut written, mut ended) = (0, 0);
    loop {
        let (result, read, wrote, ends_written) = reader.read_record(input, &mut output[written..], &mut ends[ended..]);
        input = &input[read..];
        written += wrote;
        ended += ends_written;
        match result {
            ReadRecordResult::Record => {
                let mut start = 0;
                let fields = ends[..ended]
                    .iter()
                    .map(|&end| {
                        let field = String::from_utf8(output[start..end].to_vec()).unwrap().trim().to_owned();
                        start = end;
                        field
                    })
                    .collect();
                records.push(fields);
                (written, ended) = (0, 0);
            }
            ReadRecordResult::End => return records,
            ReadRecordResult::InputEmpty => {}
            other => panic!("{other:?}"),
        }
    }
}

fn fast(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    for_each_record(text, delimiter, &mut |record| {
        records.push(record.fields().map(str::to_owned).collect());
        true
    });
    records
}

/// Whether csv-core ends `text` inside a quoted field: then a line appended after it is read
/// into that field instead of as a record of its own.
fn csv_core_ends_quoted(text: &str, delimiter: u8) -> bool {
    csv_core_only(&format!("{text}\nSENTINEL"), delimiter).len() == csv_core_only(text, delimiter).len()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_fast_path_reads_what_csv_core_reads(
        pieces in prop::collection::vec(prop_oneof![
            Just("a"), Just("12 500"), Just(","), Just(";"), Just("\t"), Just("\""), Just("\"\""),
            Just("\n"), Just("\r\n"), Just("\r"), Just(" "), Just("é"), Just("x,\"y\nz\",w"),
        ], 0..40),
        delimiter in prop_oneof![Just(b','), Just(b';'), Just(b'\t')],
    ) {
        let text: String = pieces.concat();
        prop_assert_eq!(fast(&text, delimiter), csv_core_only(&text, delimiter), "{:?}", text);
    }

    #[test]
    fn an_unclosed_quote_is_reported_when_csv_core_ends_inside_one(
        pieces in prop::collection::vec(prop_oneof![
            Just("a"), Just(","), Just(";"), Just("\""), Just("\"\""), Just("\n"), Just("\r\n"), Just("\r"), Just(" "),
        ], 0..30),
        delimiter in prop_oneof![Just(b','), Just(b';')],
    ) {
        let text: String = pieces.concat();
        let mut open = Vec::new();
        for_each_record(&text, delimiter, &mut |record| {
            open.push(record.unclosed_quote.is_some());
            true
        });
        // Only the last record can be open: it reaches the end of the file.
        prop_assert!(open.iter().rev().skip(1).all(|o| !o), "{:?}", text);
        prop_assert_eq!(open.last().copied().unwrap_or(false), csv_core_ends_quoted(&text, delimiter), "{:?}", text);
    }
}
