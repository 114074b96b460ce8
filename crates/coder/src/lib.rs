//! dyad's event coder. This first part defines the gold events the coder is measured against
//! ([`gold`]) and how it is scored ([`score`]); the coding itself follows.

pub mod gold;
pub mod score;
