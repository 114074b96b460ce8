//! The flat rows as a Parquet file: one column per field of [`FlatEvent`], typed (text,
//! 64-bit integers, doubles), absent values as nulls, uncompressed so that the build needs no
//! codec and any reader opens it.

use std::io::Write;
use std::sync::Arc;

use dyad_coder::Event;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use crate::Context;
use crate::flat::{FLAT_COLUMNS, FlatEvent};

/// Rows per row group: small enough to write in bounded memory, large enough to read fast.
const ROW_GROUP_ROWS: usize = 100_000;

/// One column's values, as Parquet stores them: the non-null values and one definition
/// level per row (1 present, 0 null).
enum Column {
    Text(Vec<ByteArray>, Vec<i16>),
    Integer(Vec<i64>, Vec<i16>),
    Real(Vec<f64>, Vec<i16>),
}

/// A column's type, and whether it may be null.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    OptionalText,
    Integer,
    Real,
    OptionalReal,
}

/// The kind of each of [`FLAT_COLUMNS`].
fn kind(column: &str) -> Kind {
    match column {
        "sentence_index" | "quad_class" | "num_mentions" | "num_sources" | "num_articles" => {
            Kind::Integer
        }
        "goldstein" | "confidence" => Kind::Real,
        "place_latitude" | "place_longitude" => Kind::OptionalReal,
        "date" | "date_precision" | "place" | "place_country" | "url" => Kind::OptionalText,
        _ => Kind::Text,
    }
}

/// The file's schema: the flat columns in order.
fn schema() -> Result<Type, ParquetError> {
    use parquet::basic::{LogicalType, Repetition, Type as Physical};
    let fields = FLAT_COLUMNS
        .iter()
        .map(|&name| {
            let (physical, repetition, text) = match kind(name) {
                Kind::Text => (Physical::BYTE_ARRAY, Repetition::REQUIRED, true),
                Kind::OptionalText => (Physical::BYTE_ARRAY, Repetition::OPTIONAL, true),
                Kind::Integer => (Physical::INT64, Repetition::REQUIRED, false),
                Kind::Real => (Physical::DOUBLE, Repetition::REQUIRED, false),
                Kind::OptionalReal => (Physical::DOUBLE, Repetition::OPTIONAL, false),
            };
            let mut field =
                Type::primitive_type_builder(name, physical).with_repetition(repetition);
            if text {
                field = field.with_logical_type(Some(LogicalType::String));
            }
            field.build().map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Type::group_type_builder("event")
        .with_fields(fields)
        .build()
}

/// The values of column `index` over `rows`, whose text fields are `fields`.
fn column(rows: &[FlatEvent], fields: &[[String; FLAT_COLUMNS.len()]], index: usize) -> Column {
    let levels = |present: &dyn Fn(&FlatEvent) -> bool| -> Vec<i16> {
        rows.iter().map(|row| i16::from(present(row))).collect()
    };
    match kind(FLAT_COLUMNS[index]) {
        Kind::Text | Kind::OptionalText => {
            // An empty text of an optional column is a null (FlatEvent::fields writes absent
            // values as empty).
            let optional = matches!(kind(FLAT_COLUMNS[index]), Kind::OptionalText);
            let present: Vec<i16> = fields
                .iter()
                .map(|f| i16::from(!optional || !f[index].is_empty()))
                .collect();
            let values = fields
                .iter()
                .zip(&present)
                .filter(|(_, p)| **p == 1)
                .map(|(f, _)| ByteArray::from(f[index].as_str()))
                .collect();
            Column::Text(values, present)
        }
        Kind::Integer => {
            let values = rows
                .iter()
                .map(|row| integer(row, FLAT_COLUMNS[index]))
                .collect();
            Column::Integer(values, levels(&|_| true))
        }
        Kind::Real | Kind::OptionalReal => {
            let values: Vec<Option<f64>> = rows
                .iter()
                .map(|row| real(row, FLAT_COLUMNS[index]))
                .collect();
            let present = values.iter().map(|v| i16::from(v.is_some())).collect();
            Column::Real(values.into_iter().flatten().collect(), present)
        }
    }
}

fn integer(row: &FlatEvent, column: &str) -> i64 {
    match column {
        "sentence_index" => row.sentence_index,
        "quad_class" => row.quad_class,
        "num_mentions" => row.num_mentions,
        "num_sources" => row.num_sources,
        _ => row.num_articles,
    }
}

fn real(row: &FlatEvent, column: &str) -> Option<f64> {
    match column {
        "goldstein" => Some(row.goldstein),
        "confidence" => Some(row.confidence),
        "place_latitude" => row.place_latitude,
        _ => row.place_longitude,
    }
}

/// Writes the events as a Parquet file.
pub fn write(events: &[Event], context: &Context, out: &mut impl Write) -> std::io::Result<()> {
    let rows: Vec<FlatEvent> = events.iter().map(|e| FlatEvent::new(e, context)).collect();
    let bytes = encode(&rows).map_err(std::io::Error::other)?;
    out.write_all(&bytes)
}

fn encode(rows: &[FlatEvent]) -> Result<Vec<u8>, ParquetError> {
    let properties = Arc::new(WriterProperties::builder().build());
    let mut buffer = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buffer, Arc::new(schema()?), properties)?;
    for group in rows.chunks(ROW_GROUP_ROWS) {
        let fields: Vec<[String; FLAT_COLUMNS.len()]> =
            group.iter().map(FlatEvent::fields).collect();
        let mut row_group = writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut column_writer) = row_group.next_column()? {
            match column(group, &fields, index) {
                Column::Text(values, levels) => {
                    column_writer.typed::<ByteArrayType>().write_batch(
                        &values,
                        Some(&levels),
                        None,
                    )?;
                }
                Column::Integer(values, levels) => {
                    column_writer
                        .typed::<Int64Type>()
                        .write_batch(&values, Some(&levels), None)?;
                }
                Column::Real(values, levels) => {
                    column_writer.typed::<DoubleType>().write_batch(
                        &values,
                        Some(&levels),
                        None,
                    )?;
                }
            }
            column_writer.close()?;
            index += 1;
        }
        row_group.close()?;
    }
    writer.close()?;
    Ok(buffer)
}
