//! Choosing one place for each name: a prior from the kind of place and its population, plus
//! the evidence of the context.

use dyad_core::{Doc, Span};

use crate::PlaceMention;
use crate::gazetteer::{Candidate, NameKind, fold};
use crate::mentions::Found;

/// How much each piece of context weighs, in the units of the prior (log10 of population).
mod weight {
    /// A qualifier names the candidate's country or division: "PARIS, Texas".
    pub const QUALIFIER: f64 = 10.0;
    /// Another place or a demonym of the candidate's country in the same sentence.
    pub const SAME_SENTENCE: f64 = 3.0;
    /// ... elsewhere in the article.
    pub const SAME_ARTICLE: f64 = 2.0;
    /// The dateline is in the candidate's country.
    pub const DATELINE: f64 = 2.0;
    /// The candidate's first-level division is named in the article.
    pub const ADMIN1_NAMED: f64 = 4.0;
    /// "the Kherson region" for a division, "the city of Kherson" for a city.
    pub const WORDING: f64 = 4.0;
}

/// The prior of a candidate before any context: countries and capitals are named far more
/// often than towns of their name, divisions more than small towns.
fn prior(candidate: &Candidate) -> f64 {
    let settlement = (candidate.population.max(1_000) as f64).log10().min(7.2);
    match candidate.kind.as_str() {
        "country" => 7.3,
        "capital" => 6.6,
        "admin1" => 6.0,
        "region" | "disputed" => 5.6,
        "city" | "town" | "camp" => settlement,
        _ => 5.0,
    }
}

/// Resolves every found name, in two rounds: the first uses the context of the names that
/// can only be one country; the second that of every name as the first resolved it.
pub(crate) fn resolve(
    doc: &Doc,
    found: Vec<Found>,
    countries_named: &[(usize, String)],
) -> Vec<PlaceMention> {
    let certain: Vec<Option<String>> = found.iter().map(sure_country).collect();
    let first: Vec<usize> = (0..found.len())
        .map(|i| best(&found, i, &certain, countries_named))
        .collect();
    let resolved: Vec<Option<String>> = found
        .iter()
        .zip(&first)
        .map(|(f, &choice)| Some(f.candidates[choice].country.clone()))
        .collect();
    (0..found.len())
        .map(|i| {
            let choice = best(&found, i, &resolved, countries_named);
            mention(doc, &found[i], choice)
        })
        .collect()
}

/// The country of a name when all its candidates lie in one.
fn sure_country(found: &Found) -> Option<String> {
    let first = &found.candidates.first()?.country;
    found
        .candidates
        .iter()
        .all(|c| &c.country == first)
        .then(|| first.clone())
}

/// The index of the best candidate of name `i`, given the countries the other names stand in.
fn best(
    found: &[Found],
    i: usize,
    countries: &[Option<String>],
    countries_named: &[(usize, String)],
) -> usize {
    let this = &found[i];
    let dateline_country = found
        .iter()
        .zip(countries)
        .find(|(f, _)| f.in_dateline)
        .and_then(|(_, c)| c.clone());
    let score = |candidate: &Candidate| {
        let mut score = prior(candidate);
        let others = || {
            found
                .iter()
                .zip(countries)
                .enumerate()
                .filter(move |(j, _)| *j != i)
                .map(|(_, pair)| pair)
        };
        let in_country = |country: &Option<String>| {
            !candidate.country.is_empty() && country.as_deref() == Some(candidate.country.as_str())
        };
        let same_sentence = others().any(|(f, c)| f.sentence == this.sentence && in_country(c))
            || countries_named
                .iter()
                .any(|(s, c)| *s == this.sentence && *c == candidate.country);
        let same_article = others().any(|(_, c)| in_country(c))
            || countries_named.iter().any(|(_, c)| *c == candidate.country);
        if same_sentence {
            score += weight::SAME_SENTENCE;
        }
        if same_article {
            score += weight::SAME_ARTICLE;
        }
        if !this.in_dateline && in_country(&dateline_country) {
            score += weight::DATELINE;
        }
        // The candidate's division is named, or the candidate is a division a place named
        // nearby lies in ("Wenatchee ... Washington").
        let admin1_named = !candidate.admin1.is_empty()
            && others().any(|(f, _)| f.candidates.iter().any(|c| c.name == candidate.admin1));
        let contains_named = candidate.kind == "admin1"
            && others().any(|(f, _)| {
                f.candidates
                    .iter()
                    .any(|c| c.admin1 == candidate.name && c.country == candidate.country)
            });
        if admin1_named || contains_named {
            score += weight::ADMIN1_NAMED;
        }
        score += wording(this, candidate);
        score += qualification(found, i, candidate);
        score
    };
    let scores: Vec<f64> = this.candidates.iter().map(score).collect();
    (0..scores.len())
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .unwrap_or(0)
}

/// What the words around a name say of the kind of place: "the Kherson region" is the
/// division, "the city of Kherson" the city, and a division's bare name alone is the city.
fn wording(this: &Found, candidate: &Candidate) -> f64 {
    let is_division = matches!(candidate.kind.as_str(), "admin1" | "region");
    let is_settlement = matches!(candidate.kind.as_str(), "city" | "town" | "capital");
    let mut score = 0.0;
    if this.division_word && is_division {
        score += weight::WORDING;
    }
    if this.settlement_word && is_settlement {
        score += weight::WORDING;
    }
    if candidate.by == NameKind::Bare && !this.division_word {
        score -= weight::WORDING;
    }
    score
}

/// The weight of a qualifier: the name after "PARIS," names the candidate's division or
/// country, or the name before it lies in the candidate.
fn qualification(found: &[Found], i: usize, candidate: &Candidate) -> f64 {
    let contains = |outer: &Candidate, inner: &Candidate| {
        (outer.kind == "country" && outer.country == inner.country)
            || (!inner.admin1.is_empty() && fold(&outer.name) == fold(&inner.admin1))
    };
    let by_next = found
        .iter()
        .filter(|f| f.qualifies == Some(i))
        .any(|f| f.candidates.iter().any(|outer| contains(outer, candidate)));
    let by_previous = found[i].qualifies.is_some_and(|j| {
        found[j]
            .candidates
            .iter()
            .any(|inner| contains(candidate, inner))
    });
    if by_next || by_previous {
        weight::QUALIFIER
    } else {
        0.0
    }
}

fn mention(doc: &Doc, found: &Found, choice: usize) -> PlaceMention {
    let place = found.candidates[choice].clone();
    let mut tokens = found.tokens.clone();
    // "Va." keeps its period even where the tokenizer split it off.
    let period = doc.tokens.get(tokens.end).is_some_and(|next| {
        next.span.of(&doc.text) == "." && next.span.start == doc.tokens[tokens.end - 1].span.end
    });
    if place.by == NameKind::Abbreviation && period {
        tokens.end += 1;
    }
    let first = &doc.tokens[tokens.start];
    let last = &doc.tokens[tokens.end - 1];
    PlaceMention {
        span: Span::new(first.span.start, last.span.end),
        tokens,
        sentence: found.sentence,
        in_dateline: found.in_dateline,
        place,
    }
}
