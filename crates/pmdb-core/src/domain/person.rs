//! How a published document names a person: by display name, with their job title where
//! the users file gives one ("Kiran Choudhury, Head of Housing"), never by login. The one
//! rule for every report, summary, index and minutes; logins stay in JSON and CSV exports.

/// A person as published: what to print for a login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The display name; the login itself when there is no user or the user has no name.
    pub name: String,
    /// The job title, empty when none is given.
    pub title: String,
}

impl Person {
    /// A person from a user's login, display name and title. The login is the only
    /// fallback: a name that is empty (or only spaces) is shown as the login, so a page
    /// never prints a blank where a person belongs.
    pub fn new(login: &str, name: &str, title: &str) -> Person {
        let name = name.trim();
        Person {
            name: if name.is_empty() { login } else { name }.to_string(),
            title: title.trim().to_string(),
        }
    }

    /// Someone named who is not a user (a login no longer on record, or a portfolio
    /// holder written as a name): the text as it is written.
    pub fn unknown(text: &str) -> Person {
        Person::new(text, text, "")
    }

    /// "Kiran Choudhury, Head of Housing"; "Kiran Choudhury" without a title. A name
    /// written as councils often write it, "Jane Mitchell (Chief Executive)", with no title
    /// of its own, reads the same way: "Jane Mitchell, Chief Executive".
    pub fn display(&self) -> String {
        if !self.title.is_empty() {
            return format!("{}, {}", self.name, self.title);
        }
        match self.name.strip_suffix(')').and_then(|n| n.split_once(" (")) {
            Some((person, title)) if !person.trim().is_empty() && !title.trim().is_empty() => {
                format!("{}, {}", person.trim(), title.trim())
            }
            _ => self.name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_is_named_with_their_title() {
        let p = Person::new("kchoudhury", "Kiran Choudhury", "Head of Housing");
        assert_eq!(p.display(), "Kiran Choudhury, Head of Housing");
        assert_eq!(
            Person::new("kchoudhury", " Kiran Choudhury ", "").display(),
            "Kiran Choudhury"
        );
    }

    #[test]
    fn the_login_is_the_only_fallback() {
        assert_eq!(Person::new("kchoudhury", "", "").display(), "kchoudhury");
        assert_eq!(Person::new("kchoudhury", "  ", "").display(), "kchoudhury");
        assert_eq!(
            Person::new("kchoudhury", "", "Head of Housing").display(),
            "kchoudhury, Head of Housing"
        );
        assert_eq!(Person::unknown("Cllr Jo Text").display(), "Cllr Jo Text");
    }

    #[test]
    fn a_job_in_brackets_reads_as_a_title() {
        assert_eq!(
            Person::new("jm", "Jane Mitchell (Chief Executive)", "").display(),
            "Jane Mitchell, Chief Executive"
        );
        assert_eq!(
            Person::new("jm", "(Chief Executive)", "").display(),
            "(Chief Executive)"
        );
        // A title given wins: the name is printed as written.
        assert_eq!(
            Person::new("jm", "Jane Mitchell (JM)", "Chief Executive").display(),
            "Jane Mitchell (JM), Chief Executive"
        );
    }
}
