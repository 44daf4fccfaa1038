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
    /// Their job title ("Head of Housing"), printed after their name on published pages.
    pub title: String,
    /// "k.choudhury@wyvernvale.example"; a councillor's "cllr.hollis@…".
    pub email: String,
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
        for (login, name, title) in DIRECTORS {
            staff.add(login, name, title, Role::Officer);
        }
        for (login, name, title) in PERFORMANCE_TEAM {
            staff.add(login, name, title, Role::Performance);
        }
        for s in SERVICES {
            let title = format!("Head of {}", s.name);
            staff.add(s.head_login, s.head_name, &title, Role::Officer);
        }
        for p in POSTS {
            staff.add(p.login, p.name, p.job, Role::Officer);
        }
        for p in PORTFOLIOS {
            // The Leader holds the Leader's portfolio; the others are Cabinet members.
            let title = if p.code == "LDR" {
                "Leader of the Council".to_string()
            } else {
                format!("Cabinet Member for {}", p.name)
            };
            staff.add(p.holder_login, p.holder_name, &title, Role::Viewer);
        }
        for (login, name, title) in OTHER_COUNCILLORS {
            staff.add(login, name, title, Role::Viewer);
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
    fn add(&mut self, login: &str, name: &str, title: &str, role: Role) {
        self.used.insert(login.to_string());
        self.people.push(Person {
            login: login.into(),
            name: name.into(),
            role,
            title: title.into(),
            email: email_of(name, &self.people),
        });
    }

    /// A new officer with a generated name, for a post in a further area.
    fn hire(&mut self, r: &mut rand_chacha::ChaCha8Rng, job: &str) -> String {
        let first = *rng::pick(r, FIRST_NAMES);
        let last = *rng::pick(r, SURNAMES);
        let login = unique_login(&self.used, first, last);
        self.add(&login, &format!("{first} {last}"), job, Role::Officer);
        login
    }
}

/// A council address from a name: "Kiran Choudhury" → "k.choudhury@wyvernvale.example",
/// a councillor's "Cllr Peter Hollis" → "cllr.hollis@…", with a number when two people
/// would share one ("k.choudhury2@…").
fn email_of(name: &str, people: &[Person]) -> String {
    let plain = |w: &str| -> String {
        w.chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last().map_or_else(String::new, |w| plain(w));
    let local = match words.first() {
        Some(&"Cllr") => format!("cllr.{last}"),
        Some(first) => format!(
            "{}.{last}",
            plain(first).chars().take(1).collect::<String>()
        ),
        None => last,
    };
    (1..)
        .map(|n| {
            let n = if n == 1 { String::new() } else { n.to_string() };
            format!("{local}{n}@{}", super::org::EMAIL_DOMAIN)
        })
        .find(|e| !people.iter().any(|p| &p.email == e))
        .unwrap_or_default()
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
    fn people_have_a_name_a_job_title_and_an_address_of_their_own() {
        let ten = Roster::build(10);
        let emails: BTreeSet<&str> = ten.people.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails.len(), ten.people.len());
        let jane = &ten.people[0];
        assert_eq!(
            (jane.name.as_str(), jane.title.as_str(), jane.email.as_str()),
            (
                "Jane Mitchell",
                "Chief Executive",
                "j.mitchell@wyvernvale.example"
            )
        );
        let holder = ten.people.iter().find(|p| p.login == "cllrhollis").unwrap();
        assert_eq!(holder.email, "cllr.hollis@wyvernvale.example");
        assert!(
            ten.people
                .iter()
                .all(|p| !p.title.is_empty() && !p.name.contains('('))
        );
        let kevin = ten.people.iter().find(|p| p.login == "kobrien").unwrap();
        assert_eq!(kevin.email, "k.obrien@wyvernvale.example");
    }

    #[test]
    fn login_collisions_get_a_number() {
        let used: BTreeSet<String> = ["jpatel".to_string()].into();
        assert_eq!(unique_login(&used, "Jaspreet", "Patel"), "jpatel2");
        assert_eq!(unique_login(&used, "Sean", "O'Neill"), "soneill");
    }
}
