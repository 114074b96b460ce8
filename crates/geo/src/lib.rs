//! Places in news text, resolved to the gazetteer, and the place of each event.
//!
//! [`Geocoder::places`] finds every place name of a document (cities, divisions, countries
//! named as locations, datelines) and picks, for a name several places share, the one the
//! context points to: a qualifier ("PARIS, Texas"), the countries and divisions named around
//! it, the dateline, the words beside it ("the Kherson region", "the city of Kherson"), and
//! otherwise the more populous place. [`locate`] then gives each event the place tied to its
//! predicate in the parse, or the dateline's.

mod gazetteer;
pub mod gold;
mod locate;
mod mentions;
mod score;

use std::collections::HashMap;
use std::ops::Range;

use dyad_core::{Doc, Span};
use dyad_kb::Kb;

pub use gazetteer::{Candidate, Gazetteer, NameKind, fold};
pub use locate::locate;

/// A place named in a document and the place it was resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// The words of the name in the document text.
    pub span: Span,
    /// The tokens of the name (indices into [`Doc::tokens`]).
    pub tokens: Range<usize>,
    /// The sentence it is in.
    pub sentence: usize,
    /// Whether it is part of the article's dateline ("KYIV, March 3 (Reuters) -").
    pub in_dateline: bool,
    /// The place it names.
    pub place: Candidate,
}

/// Finds and resolves place names with the gazetteer of a knowledge base.
#[derive(Debug)]
pub struct Geocoder {
    gazetteer: Gazetteer,
    /// Folded demonyms ("texan" is not one; "lebanese" is) -> country code, as context.
    demonyms: HashMap<String, String>,
}

impl Geocoder {
    /// The geocoder of `kb`'s countries, capitals and places.
    pub fn new(kb: &Kb) -> Geocoder {
        let demonyms = kb
            .countries()
            .iter()
            .flat_map(|c| c.demonyms.iter().map(|d| (fold(d), c.code.clone())))
            .collect();
        Geocoder {
            gazetteer: Gazetteer::new(kb),
            demonyms,
        }
    }

    /// Every place name of `doc`, in text order, each resolved to one place.
    pub fn places(&self, doc: &Doc) -> Vec<PlaceMention> {
        let found = mentions::find(&self.gazetteer, doc);
        let countries_named = self.countries_named(doc);
        score::resolve(doc, found, &countries_named)
    }

    /// The countries that demonyms name in each sentence ("Lebanese troops"), as context.
    fn countries_named(&self, doc: &Doc) -> Vec<(usize, String)> {
        let mut named = Vec::new();
        for (index, sentence) in doc.sentences.iter().enumerate() {
            for token in sentence.tokens.clone() {
                if let Some(code) = self.demonyms.get(&fold(doc.token_text(token))) {
                    named.push((index, code.clone()));
                }
            }
        }
        named
    }
}
