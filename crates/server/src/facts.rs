//! The events in memory, newest first, with what the filters and aggregates read: day,
//! QuadClass, codes, scores, place and the actors on each side. Filtering and counting a
//! million of them takes milliseconds, where SQL, which must look each event up by id, takes
//! a second for a busy country. A full-text filter asks the database which articles match.

use std::collections::{HashMap, HashSet};

use dyad_store::{Filter, Store, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

/// No value: an event without a day, a place or a country.
const NONE: u32 = u32::MAX;

/// Strings stored once and referred to by number.
#[derive(Default)]
struct Dict {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Dict {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }

    fn optional(&mut self, name: Option<&str>) -> u32 {
        name.map_or(NONE, |name| self.id(name))
    }

    /// Which ids have a name that passes `keep`.
    fn matching(&self, keep: impl Fn(&str) -> bool) -> Vec<bool> {
        self.names.iter().map(|name| keep(name)).collect()
    }

    /// The name of `id`, none for [`NONE`].
    fn name(&self, id: u32) -> Option<String> {
        self.names.get(id as usize).cloned()
    }

    /// Of two ids, the one with the greater name, as SQL's MAX would pick; none loses.
    fn greater(&self, a: u32, b: u32) -> u32 {
        match (a, b) {
            (NONE, other) | (other, NONE) => other,
            (a, b) if self.names[b as usize] > self.names[a as usize] => b,
            (a, _) => a,
        }
    }
}

/// One event.
struct Fact {
    rowid: i64,
    article: u32,
    day: u32,
    quad_class: u8,
    cameo: u32,
    plover: u32,
    goldstein: f32,
    tone: f32,
    place: u32,
    place_country: u32,
    latitude: f32,
    longitude: f32,
    /// Where its sources, then its targets, start in [`Facts::actors`], and how many of
    /// each there are.
    sides: (u32, u16, u16),
}

/// An actor of an event, its strings as dictionary ids.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Actor {
    country: u32,
    code: u32,
    entity: u32,
    name: u32,
}

impl Fact {
    fn sources<'a>(&self, actors: &'a [Actor]) -> &'a [Actor] {
        let start = self.sides.0 as usize;
        &actors[start..start + usize::from(self.sides.1)]
    }

    fn targets<'a>(&self, actors: &'a [Actor]) -> &'a [Actor] {
        let start = self.sides.0 as usize + usize::from(self.sides.1);
        &actors[start..start + usize::from(self.sides.2)]
    }
}

/// Whether a country is among the actors'.
fn has_country(actors: &[Actor], country: u32) -> bool {
    actors.iter().any(|actor| actor.country == country)
}

/// Every event of a database, newest first.
pub struct Facts {
    facts: Vec<Fact>,
    actors: Vec<Actor>,
    /// Days in order, so a range of days is a range of ids.
    days: Vec<String>,
    countries: Dict,
    cameos: Dict,
    plovers: Dict,
    places: Dict,
    /// Actor codes, entities and names.
    names: Dict,
    articles: Dict,
}

/// A filter compiled against the dictionaries.
struct Selection {
    country: Option<u32>,
    dyad: Option<(u32, u32)>,
    quad_class: Option<u8>,
    cameos: Option<Vec<bool>>,
    plover: Option<u32>,
    /// The range of day ids asked for (`from`, `to`), end exclusive.
    days: Option<(u32, u32)>,
    place: Option<(Vec<bool>, u32)>,
    /// Actor codes (by prefix), entities and names (in any case) the filter names.
    actor: Option<Vec<bool>>,
    articles: Option<HashSet<u32>>,
}

impl Facts {
    /// Reads every event of the database.
    pub fn load(store: &Store) -> Result<Facts, StoreError> {
        let mut countries = Dict::default();
        let mut cameos = Dict::default();
        let mut plovers = Dict::default();
        let mut places = Dict::default();
        let mut articles = Dict::default();
        let mut days = Dict::default();
        let mut facts: Vec<Fact> = Vec::new();
        // Built as the rows come, so a million events never sit in memory twice.
        store.for_each_event_fact(|fact| {
            facts.push(Fact {
                rowid: fact.rowid,
                article: articles.id(&fact.article_id),
                day: days.optional(fact.day.as_deref()),
                quad_class: fact.quad_class,
                cameo: cameos.id(&fact.cameo),
                plover: plovers.id(&fact.plover),
                goldstein: fact.goldstein as f32,
                tone: fact.tone.map_or(f32::NAN, |t| t as f32),
                place: places.optional(fact.place.as_deref()),
                place_country: countries.optional(fact.place_country.as_deref()),
                latitude: fact.latitude.map_or(f32::NAN, |l| l as f32),
                longitude: fact.longitude.map_or(f32::NAN, |l| l as f32),
                sides: (0, 0, 0),
            });
        })?;
        // Day ids in the order of the days, so a range of days is a range of ids.
        let mut order: Vec<u32> = (0..days.names.len() as u32).collect();
        order.sort_by(|&a, &b| days.names[a as usize].cmp(&days.names[b as usize]));
        let mut rank = vec![0u32; order.len()];
        for (position, &id) in order.iter().enumerate() {
            rank[id as usize] = position as u32;
        }
        for fact in &mut facts {
            if fact.day != NONE {
                fact.day = rank[fact.day as usize];
            }
        }
        let days: Vec<String> = order
            .iter()
            .map(|&id| std::mem::take(&mut days.names[id as usize]))
            .collect();
        facts.shrink_to_fit();
        let index: HashMap<i64, u32> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.rowid, i as u32))
            .collect();
        // (event, 0 for a source or 1 for a target, actor), sorted and deduplicated, so each
        // event's actors lie together, sources first.
        let mut names = Dict::default();
        let mut read_actors: Vec<(u32, u8, Actor)> = Vec::new();
        store.for_each_actor(|rowid, actor| {
            if let Some(&event) = index.get(&rowid) {
                let actor_ids = Actor {
                    country: countries.optional(actor.country.as_deref()),
                    code: names.id(&actor.code),
                    entity: names.optional(actor.entity.as_deref()),
                    name: names.optional(actor.name.as_deref()),
                };
                read_actors.push((event, u8::from(!actor.source), actor_ids));
            }
        })?;
        read_actors.sort_unstable();
        read_actors.dedup();
        let mut actors = Vec::with_capacity(read_actors.len());
        for (event, side, actor) in read_actors {
            let fact = &mut facts[event as usize];
            if fact.sides.1 == 0 && fact.sides.2 == 0 {
                fact.sides.0 = actors.len() as u32;
            }
            if side == 0 {
                fact.sides.1 = fact.sides.1.saturating_add(1);
            } else {
                fact.sides.2 = fact.sides.2.saturating_add(1);
            }
            actors.push(actor);
        }
        Ok(Facts {
            facts,
            actors,
            days,
            countries,
            cameos,
            plovers,
            places,
            names,
            articles,
        })
    }

    /// How many events are in memory.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Compiles `filter`; none when it can match no event (a country no event has).
    fn select(&self, filter: &Filter, store: &Store) -> Result<Option<Selection>, StoreError> {
        filter.validate()?;
        let country = |code: &str| self.countries.ids.get(code).copied();
        let mut selection = Selection {
            country: None,
            dyad: None,
            quad_class: filter.quad_class,
            cameos: None,
            plover: None,
            days: None,
            place: None,
            actor: None,
            articles: None,
        };
        if let Some(code) = &filter.country {
            let Some(id) = country(code) else {
                return Ok(None);
            };
            selection.country = Some(id);
        }
        if let Some((source, target)) = &filter.dyad {
            let (Some(source), Some(target)) = (country(source), country(target)) else {
                return Ok(None);
            };
            selection.dyad = Some((source, target));
        }
        if let Some(prefix) = &filter.cameo {
            selection.cameos = Some(
                self.cameos
                    .matching(|code| code.starts_with(prefix.as_str())),
            );
        }
        if let Some(plover) = &filter.plover {
            let Some(&id) = self.plovers.ids.get(&plover.to_uppercase()) else {
                return Ok(None);
            };
            selection.plover = Some(id);
        }
        if filter.from.is_some() || filter.to.is_some() {
            let first = filter
                .from
                .as_ref()
                .map_or(0, |from| self.days.partition_point(|d| d < from));
            let end = filter
                .to
                .as_ref()
                .map_or(self.days.len(), |to| self.days.partition_point(|d| d <= to));
            selection.days = Some((first as u32, end as u32));
        }
        if let Some(place) = &filter.place {
            let names = self
                .places
                .matching(|name| name.eq_ignore_ascii_case(place));
            let code = country(&place.to_uppercase()).unwrap_or(NONE);
            selection.place = Some((names, code));
        }
        if let Some(actor) = &filter.actor {
            let prefix = actor.to_uppercase();
            selection.actor = Some(self.names.matching(|name| {
                name.starts_with(&prefix) || name == actor || name.eq_ignore_ascii_case(actor)
            }));
        }
        if let Some(text) = &filter.text {
            let ids = store.articles_matching(text)?;
            selection.articles = Some(
                ids.iter()
                    .filter_map(|id| self.articles.ids.get(id).copied())
                    .collect(),
            );
        }
        Ok(Some(selection))
    }

    /// Whether the event passes the selection.
    fn passes(&self, fact: &Fact, selection: &Selection) -> bool {
        let sources = fact.sources(&self.actors);
        let targets = fact.targets(&self.actors);
        // An event with no day passes no range of days, as in SQL.
        let dated = selection
            .days
            .is_none_or(|(first, end)| (first..end).contains(&fact.day));
        dated
            && selection.quad_class.is_none_or(|q| q == fact.quad_class)
            && selection.plover.is_none_or(|p| p == fact.plover)
            && selection
                .cameos
                .as_ref()
                .is_none_or(|ok| ok[fact.cameo as usize])
            && selection
                .country
                .is_none_or(|c| has_country(sources, c) || has_country(targets, c))
            && selection
                .dyad
                .is_none_or(|(s, t)| has_country(sources, s) && has_country(targets, t))
            && selection.place.as_ref().is_none_or(|(names, code)| {
                (fact.place != NONE && names[fact.place as usize])
                    || (fact.place_country != NONE && fact.place_country == *code)
            })
            && selection.actor.as_ref().is_none_or(|names| {
                sources.iter().chain(targets).any(|actor| {
                    names[actor.code as usize]
                        || (actor.entity != NONE && names[actor.entity as usize])
                        || (actor.name != NONE && names[actor.name as usize])
                })
            })
            && selection
                .articles
                .as_ref()
                .is_none_or(|articles| articles.contains(&fact.article))
    }

    /// The events that pass `filter`, newest first.
    fn matching<'a>(
        &'a self,
        filter: &Filter,
        store: &Store,
    ) -> Result<impl Iterator<Item = &'a Fact> + 'a, StoreError> {
        let selection = self.select(filter, store)?;
        Ok(self
            .facts
            .iter()
            .filter(move |fact| selection.as_ref().is_some_and(|s| self.passes(fact, s))))
    }

    /// The rowids of a page of the events that pass `filter`, newest first, and whether
    /// more follow.
    pub fn page(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
        store: &Store,
    ) -> Result<(Vec<i64>, bool), StoreError> {
        let mut rowids: Vec<i64> = self
            .matching(filter, store)?
            .skip(offset)
            .take(limit + 1)
            .map(|fact| fact.rowid)
            .collect();
        let more = rowids.len() > limit;
        rowids.truncate(limit);
        Ok((rowids, more))
    }

    /// The events that pass `filter` by day, in order of days; events with no day are left
    /// out.
    pub fn days(&self, filter: &Filter, store: &Store) -> Result<Vec<DayCount>, StoreError> {
        #[derive(Default, Clone)]
        struct Sums {
            quad_classes: [u64; 4],
            goldstein: f64,
            tone: f64,
            toned: u64,
        }
        let mut sums = vec![Sums::default(); self.days.len()];
        for fact in self.matching(filter, store)? {
            let Some(day) = sums.get_mut(fact.day as usize) else {
                continue;
            };
            if let Some(count) = day
                .quad_classes
                .get_mut(usize::from(fact.quad_class).wrapping_sub(1))
            {
                *count += 1;
            }
            day.goldstein += f64::from(fact.goldstein);
            if !fact.tone.is_nan() {
                day.tone += f64::from(fact.tone);
                day.toned += 1;
            }
        }
        Ok(sums
            .into_iter()
            .zip(&self.days)
            .filter_map(|(sums, day)| {
                let events: u64 = sums.quad_classes.iter().sum();
                (events > 0).then(|| DayCount {
                    day: day.clone(),
                    events,
                    quad_classes: sums.quad_classes,
                    goldstein: mean(sums.goldstein, events),
                    tone: (sums.toned > 0).then(|| mean(sums.tone, sums.toned)),
                })
            })
            .collect())
    }

    /// The source and target countries of the events that pass `filter`, busiest first: an
    /// event counts once for each pair of countries on its two sides.
    pub fn dyads(
        &self,
        filter: &Filter,
        limit: usize,
        store: &Store,
    ) -> Result<Vec<DyadCount>, StoreError> {
        let mut pairs: HashMap<(u32, u32), (u64, u64, f64)> = HashMap::new();
        let mut of_event: Vec<(u32, u32)> = Vec::new();
        for fact in self.matching(filter, store)? {
            of_event.clear();
            for source in fact.sources(&self.actors) {
                for target in fact.targets(&self.actors) {
                    if source.country != NONE && target.country != NONE {
                        of_event.push((source.country, target.country));
                    }
                }
            }
            // Two actors of one country on a side still make one event for the pair.
            of_event.sort_unstable();
            of_event.dedup();
            for &pair in &of_event {
                let counts = pairs.entry(pair).or_default();
                counts.0 += 1;
                counts.1 += u64::from(fact.quad_class <= 2);
                counts.2 += f64::from(fact.goldstein);
            }
        }
        let name = |id: u32| self.countries.name(id).unwrap_or_default();
        let mut dyads: Vec<DyadCount> = pairs
            .into_iter()
            .map(
                |((source, target), (events, cooperation, goldstein))| DyadCount {
                    source: name(source),
                    target: name(target),
                    events,
                    cooperation,
                    conflict: events - cooperation,
                    goldstein: mean(goldstein, events),
                },
            )
            .collect();
        dyads.sort_by(|a, b| {
            (b.events, &a.source, &a.target).cmp(&(a.events, &b.source, &b.target))
        });
        dyads.truncate(limit);
        Ok(dyads)
    }

    /// The actors of the events that pass `filter`, most active first: each known entity
    /// apart, other actors by code.
    pub fn actors(
        &self,
        filter: &Filter,
        limit: usize,
        store: &Store,
    ) -> Result<Vec<ActorCount>, StoreError> {
        // (code, entity) -> (events, as source, as target)
        let mut counts: HashMap<(u32, u32), (u64, u64, u64)> = HashMap::new();
        let mut of_event: Vec<(u32, u32, bool)> = Vec::new();
        let mut details: HashMap<(u32, u32), (u32, u32)> = HashMap::new();
        for fact in self.matching(filter, store)? {
            of_event.clear();
            for (actors, source) in [
                (fact.sources(&self.actors), true),
                (fact.targets(&self.actors), false),
            ] {
                for actor in actors {
                    of_event.push((actor.code, actor.entity, source));
                    let detail = details
                        .entry((actor.code, actor.entity))
                        .or_insert((NONE, NONE));
                    detail.0 = self.names.greater(detail.0, actor.name);
                    detail.1 = self.countries.greater(detail.1, actor.country);
                }
            }
            of_event.sort_unstable();
            of_event.dedup();
            let mut previous = None;
            for &(code, entity, source) in &of_event {
                let count = counts.entry((code, entity)).or_default();
                if previous != Some((code, entity)) {
                    count.0 += 1;
                }
                if source {
                    count.1 += 1;
                } else {
                    count.2 += 1;
                }
                previous = Some((code, entity));
            }
        }
        let mut actors: Vec<ActorCount> = counts
            .into_iter()
            .map(|((code, entity), (events, as_source, as_target))| {
                let (name, country) = details
                    .get(&(code, entity))
                    .copied()
                    .unwrap_or((NONE, NONE));
                ActorCount {
                    code: self.names.name(code).unwrap_or_default(),
                    entity: self.names.name(entity),
                    name: self.names.name(name),
                    country: self.countries.name(country),
                    events,
                    as_source,
                    as_target,
                }
            })
            .collect();
        actors.sort_by(|a, b| (b.events, &a.code, &a.entity).cmp(&(a.events, &b.code, &b.entity)));
        actors.truncate(limit);
        Ok(actors)
    }

    /// Where the events that pass `filter` happened: by country, and by place with
    /// coordinates, busiest first.
    pub fn map(&self, filter: &Filter, limit: usize, store: &Store) -> Result<MapData, StoreError> {
        let mut countries: HashMap<u32, (u64, f64)> = HashMap::new();
        let mut places: HashMap<(u32, u32), (u64, f64, f64)> = HashMap::new();
        for fact in self.matching(filter, store)? {
            if fact.place_country != NONE {
                let country = countries.entry(fact.place_country).or_default();
                country.0 += 1;
                country.1 += f64::from(fact.goldstein);
            }
            if fact.place != NONE && !fact.latitude.is_nan() && !fact.longitude.is_nan() {
                let place = places.entry((fact.place, fact.place_country)).or_default();
                place.0 += 1;
                place.1 += f64::from(fact.latitude);
                place.2 += f64::from(fact.longitude);
            }
        }
        let mut countries: Vec<MapCountry> = countries
            .into_iter()
            .map(|(country, (events, goldstein))| MapCountry {
                country: self.countries.name(country).unwrap_or_default(),
                events,
                goldstein: mean(goldstein, events),
            })
            .collect();
        countries.sort_by(|a, b| (b.events, &a.country).cmp(&(a.events, &b.country)));
        countries.truncate(limit);
        let mut places: Vec<MapPlace> = places
            .into_iter()
            .map(
                |((place, country), (events, latitude, longitude))| MapPlace {
                    name: self.places.name(place).unwrap_or_default(),
                    country: self.countries.name(country),
                    latitude: mean(latitude, events),
                    longitude: mean(longitude, events),
                    events,
                },
            )
            .collect();
        places.sort_by(|a, b| (b.events, &a.name).cmp(&(a.events, &b.name)));
        places.truncate(limit);
        Ok(MapData { countries, places })
    }
}

/// A mean to two decimals: more digits only show the noise of summing floats.
fn mean(sum: f64, count: u64) -> f64 {
    (sum / count.max(1) as f64 * 100.0).round() / 100.0
}

/// The events of one day.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DayCount {
    /// The day, YYYY-MM-DD: the event's own day, else its article's publication day.
    pub day: String,
    /// Events on the day.
    pub events: u64,
    /// Events by QuadClass 1 to 4.
    pub quad_classes: [u64; 4],
    /// Mean Goldstein score.
    pub goldstein: f64,
    /// Mean tone of the articles the events come from.
    pub tone: Option<f64>,
}

/// A source and target country and the events between them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DyadCount {
    /// The source's country.
    pub source: String,
    /// The target's country.
    pub target: String,
    /// Events from source to target.
    pub events: u64,
    /// Of which cooperation (QuadClass 1 and 2).
    pub cooperation: u64,
    /// Of which conflict (QuadClass 3 and 4).
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein: f64,
}

/// An actor and how often it acts and is acted upon.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActorCount {
    /// CAMEO-style actor code.
    pub code: String,
    /// The knowledge-base entity, when the actor is a known one.
    pub entity: Option<String>,
    /// Its name, when the actor is a known one.
    pub name: Option<String>,
    /// Its country.
    pub country: Option<String>,
    /// Events it takes part in.
    pub events: u64,
    /// Events where it acts.
    pub as_source: u64,
    /// Events where it is acted upon.
    pub as_target: u64,
}

/// Where events happened.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MapData {
    /// Events by the country they happened in.
    pub countries: Vec<MapCountry>,
    /// Events by place with coordinates.
    pub places: Vec<MapPlace>,
}

/// Events that happened in a country.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MapCountry {
    /// ISO alpha-3 code.
    pub country: String,
    /// Events placed there.
    pub events: u64,
    /// Their mean Goldstein score.
    pub goldstein: f64,
}

/// Events that happened at a place with coordinates.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MapPlace {
    /// The place's name.
    pub name: String,
    /// Its country, when it lies in one.
    pub country: Option<String>,
    /// Decimal degrees north.
    pub latitude: f64,
    /// Decimal degrees east.
    pub longitude: f64,
    /// Events placed there.
    pub events: u64,
}
