//! Turns the catalogue into indicator records: one copy of every template per area, with
//! the area's code suffix, team plan and officers.

use super::catalogue::Template;
use super::people::Area;
use crate::domain::period::Period;
use crate::store::IndicatorRecord;

/// The peer group the benchmarked indicators are compared with.
pub const BENCHMARK_GROUP: &str = "CIPFA nearest neighbours";

/// An indicator as it will be stored, with the template and area it came from.
pub struct Planned<'a> {
    pub template: &'a Template,
    pub area: &'a Area,
    pub record: IndicatorRecord,
}

impl Planned<'_> {
    pub fn code(&self) -> &str {
        &self.record.indicator.code
    }
}

/// Every indicator of every area, area by area in catalogue order.
pub fn plan<'a>(templates: &'a [Template], areas: &'a [Area]) -> Vec<Planned<'a>> {
    let mut out = Vec::with_capacity(templates.len() * areas.len());
    for area in areas {
        for t in templates {
            let mut links = vec![area.code(t.team)];
            links.extend(t.also.map(str::to_string));
            let record = IndicatorRecord {
                indicator: t.indicator(
                    area.code(t.code),
                    area.title(t.title),
                    area.post(t.owner).to_string(),
                ),
                definition: t.definition(&area.title(t.title)),
                source: t.source.to_string(),
                benchmark_group: if t.benchmarked {
                    BENCHMARK_GROUP.to_string()
                } else {
                    String::new()
                },
                plan: links,
                enterers: t
                    .enterer
                    .map(|e| area.post(e).to_string())
                    .into_iter()
                    .collect(),
                collect_from: t.collect_from.and_then(|m| match m.parse::<Period>() {
                    Ok(Period::Month(m)) => Some(m),
                    _ => None,
                }),
            };
            out.push(Planned {
                template: t,
                area,
                record,
            });
        }
    }
    out
}
