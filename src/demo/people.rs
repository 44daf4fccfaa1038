//! The people of the demo council: the Management Board, the performance team, the heads
//! of service, councillors (read-only), and for each area a full set of officer posts and
//! service managers. Area 1 is named in `org`; further areas (at `--scale` N) get
//! generated UK names, so a scaled council has N times the officers.

use std::collections::BTreeSet;

use super::org::{
    AREA_NAMES, DIRECTORS, OTHER_COUNCILLORS, PERFORMANCE_TEAM, PORTFOLIOS, POSTS, SERVICES,
};
use super::rng;
use crate::domain::role::Role;

pub struct Person {
    pub login: String,
    pub name: String,
    pub role: Role,
}

/// One area of the council: in a scale-1 demo, the whole council.
pub struct Area {
    /// 1 for the first area.
    pub number: u32,
    pub name: String,
    /// Appended to the codes of the area's team plans, indicators and actions: empty for
    /// area 1, so the first area of a scaled demo is the scale-1 council itself.
    pub suffix: String,
    /// The login holding each post, in the order of `org::POSTS`.
    pub posts: Vec<String>,
    /// The manager of each service in this area, in the order of `org::SERVICES`: the head
    /// of service in area 1, an area service manager elsewhere.
    pub managers: Vec<String>,
}

impl Area {
    /// A code of area 1 as it is in this area.
    pub fn code(&self, base: &str) -> String {
        format!("{base}{}", self.suffix)
    }

    /// A title as it reads in this area ("Leisure Services – North").
    pub fn title(&self, base: &str) -> String {
        if self.number == 1 {
            base.to_string()
        } else {
            format!("{base} – {}", self.name)
        }
    }

    /// The login holding a post. Posts are indices into `org::POSTS`, fixed in the
    /// catalogue and checked by its test, so the index is always in range.
    pub fn post(&self, index: usize) -> &str {
        &self.posts[index]
    }

    /// The login managing a service in this area (`managers` has one per service).
    pub fn manager(&self, service: &str) -> &str {
        let i = SERVICES.iter().position(|s| s.code == service).unwrap_or(0);
        &self.managers[i]
    }
}

pub struct Roster {
    /// Everyone, in the order they are added.
    pub people: Vec<Person>,
    pub areas: Vec<Area>,
}

impl Roster {
    pub fn build(scale: u32) -> Roster {
        let mut staff = Staff::default();
        for (login, name) in DIRECTORS {
            staff.add(login, name, Role::Officer);
        }
        for (login, name) in PERFORMANCE_TEAM {
            staff.add(login, name, Role::Performance);
        }
        for s in SERVICES {
            staff.add(
                s.head_login,
                &format!("{} (Head of {})", s.head_name, s.name),
                Role::Officer,
            );
        }
        for p in POSTS {
            staff.add(p.login, &format!("{} ({})", p.name, p.job), Role::Officer);
        }
        for p in PORTFOLIOS {
            staff.add(p.holder_login, p.holder_name, Role::Viewer);
        }
        for (login, name) in OTHER_COUNCILLORS {
            staff.add(login, name, Role::Viewer);
        }
        let mut areas = vec![Area {
            number: 1,
            name: AREA_NAMES[0].to_string(),
            suffix: String::new(),
            posts: POSTS.iter().map(|p| p.login.to_string()).collect(),
            managers: SERVICES.iter().map(|s| s.head_login.to_string()).collect(),
        }];
        for number in 2..=scale.max(1) {
            let name = AREA_NAMES
                .get(number as usize - 1)
                .map(|n| n.to_string())
                .unwrap_or_else(|| format!("Area {number}"));
            let mut r = rng::stream(&format!("people/area {number}"));
            let posts = POSTS
                .iter()
                .map(|p| staff.hire(&mut r, &format!("{}, {name}", p.job)))
                .collect();
            let managers = SERVICES
                .iter()
                .map(|s| staff.hire(&mut r, &format!("{} Area Manager, {name}", s.name)))
                .collect();
            areas.push(Area {
                number,
                name,
                suffix: format!("-{number}"),
                posts,
                managers,
            });
        }
        Roster {
            people: staff.people,
            areas,
        }
    }
}

/// The people added so far and their logins, so generated logins never collide.
#[derive(Default)]
struct Staff {
    people: Vec<Person>,
    used: BTreeSet<String>,
}

impl Staff {
    fn add(&mut self, login: &str, name: &str, role: Role) {
        self.used.insert(login.to_string());
        self.people.push(Person {
            login: login.into(),
            name: name.into(),
            role,
        });
    }

    /// A new officer with a generated name, for a post in a further area.
    fn hire(&mut self, r: &mut rand_chacha::ChaCha8Rng, job: &str) -> String {
        let first = *rng::pick(r, FIRST_NAMES);
        let last = *rng::pick(r, SURNAMES);
        let login = unique_login(&self.used, first, last);
        self.add(&login, &format!("{first} {last} ({job})"), Role::Officer);
        login
    }
}

/// "jpatel", or "jpatel2" when that is taken.
fn unique_login(used: &BTreeSet<String>, first: &str, last: &str) -> String {
    let base: String = first
        .chars()
        .take(1)
        .chain(last.chars())
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}{n}")
            }
        })
        .find(|l| !used.contains(l))
        .unwrap_or(base)
}

/// Names for generated officers.
const FIRST_NAMES: &[&str] = &[
    "Aaron",
    "Abigail",
    "Adam",
    "Aisha",
    "Alan",
    "Alice",
    "Amir",
    "Andrew",
    "Anna",
    "Arjun",
    "Beth",
    "Bradley",
    "Callum",
    "Carl",
    "Caroline",
    "Charlotte",
    "Chris",
    "Claire",
    "Connor",
    "Craig",
    "Daniel",
    "Danielle",
    "David",
    "Dean",
    "Eleanor",
    "Ellie",
    "Emily",
    "Fatima",
    "Gemma",
    "George",
    "Hamza",
    "Harriet",
    "Harry",
    "Holly",
    "Ian",
    "Isabel",
    "Jack",
    "James",
    "Jamie",
    "Jason",
    "Jenna",
    "Jessica",
    "Joe",
    "Jordan",
    "Josh",
    "Julie",
    "Karen",
    "Katie",
    "Kieran",
    "Laura",
    "Leanne",
    "Liam",
    "Lisa",
    "Louise",
    "Luke",
    "Mandeep",
    "Maria",
    "Mark",
    "Megan",
    "Michelle",
    "Mohammed",
    "Natalie",
    "Neil",
    "Olivia",
    "Owen",
    "Paula",
    "Rachel",
    "Rebecca",
    "Rhys",
    "Rob",
    "Ruth",
    "Sam",
    "Samantha",
    "Sean",
    "Shabana",
    "Sophie",
    "Stuart",
    "Tariq",
    "Tina",
    "Tom",
    "Vicky",
    "Wendy",
    "Yasmin",
];

const SURNAMES: &[&str] = &[
    "Adams", "Ahmed", "Allen", "Archer", "Atkinson", "Bailey", "Baker", "Begum", "Bennett", "Bibi",
    "Black", "Bradley", "Brooks", "Butler", "Carr", "Chapman", "Clark", "Collins", "Cooper", "Cox",
    "Davies", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Ford", "Fox", "Gill", "Gordon",
    "Graham", "Gray", "Hall", "Harris", "Hart", "Hill", "Holmes", "Howard", "Hunt", "Hussain",
    "Jackson", "James", "Johnson", "Jones", "Kelly", "Kennedy", "Khan", "King", "Knight", "Lee",
    "Marsh", "Mason", "Miller", "Mills", "Morgan", "Morris", "Murphy", "Nash", "O'Neill", "Owen",
    "Palmer", "Parker", "Patel", "Pearce", "Phillips", "Powell", "Reid", "Reynolds", "Richards",
    "Robinson", "Rose", "Russell", "Saunders", "Scott", "Shaw", "Singh", "Smith", "Spencer",
    "Stevens", "Stone", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Watson", "Webb",
    "Wells", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn officers(r: &Roster) -> usize {
        r.people.iter().filter(|p| p.role == Role::Officer).count()
    }

    #[test]
    fn logins_are_unique_and_scale_with_the_areas() {
        let one = Roster::build(1);
        let ten = Roster::build(10);
        let logins: BTreeSet<&str> = ten.people.iter().map(|p| p.login.as_str()).collect();
        assert_eq!(logins.len(), ten.people.len());
        assert_eq!(ten.areas.len(), 10);
        assert_eq!(
            officers(&one),
            DIRECTORS.len() + SERVICES.len() + POSTS.len()
        );
        assert_eq!(
            officers(&ten),
            officers(&one) + 9 * (POSTS.len() + SERVICES.len())
        );
        assert_eq!(ten.areas[1].code("TP-PLN-DM"), "TP-PLN-DM-2");
        assert_eq!(ten.areas[0].code("TP-PLN-DM"), "TP-PLN-DM");
        assert_eq!(ten.areas[1].title("Benefits"), "Benefits – North");
    }

    #[test]
    fn login_collisions_get_a_number() {
        let used: BTreeSet<String> = ["jpatel".to_string()].into();
        assert_eq!(unique_login(&used, "Jaspreet", "Patel"), "jpatel2");
        assert_eq!(unique_login(&used, "Sean", "O'Neill"), "soneill");
    }
}
