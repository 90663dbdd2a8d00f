//! What each role may reach, by route. Every organizer route (API and dashboard) is
//! checked here by its extractor, with the route's pattern and method, before the handler
//! reads a body: a route not named for `check_in` is refused, so a new route is closed to
//! helpers until it is named here.

use actix_web::http::Method;

use crate::domain::Role;

/// The routes a `check_in` helper may use: reading events and their participants, and the
/// door. Anything else answers 403 and changes nothing.
const CHECK_IN_ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/v1/events"),
    ("GET", "/api/v1/events/{slug}"),
    ("GET", "/api/v1/events/{slug}/registrations"),
    ("POST", "/api/v1/registrations/{id}/check-in"),
    ("DELETE", "/api/v1/registrations/{id}/check-in"),
    ("POST", "/organizer/logout"),
    ("GET", "/organizer"),
    ("GET", "/organizer/"),
    ("GET", "/organizer/events/{slug}/registrations"),
    ("GET", "/organizer/events/{slug}/check-in"),
    ("GET", "/organizer/check-in/{id}"),
    ("POST", "/organizer/check-in/{id}"),
    ("POST", "/organizer/check-in/{id}/undo"),
];

/// Routes for owners alone: the team, and who holds which role.
const OWNER_PREFIXES: &[&str] = &["/organizer/team"];

/// Whether `role` may use the route with this pattern and method.
pub fn allows(role: Role, method: &Method, pattern: &str) -> bool {
    match role {
        Role::Owner => true,
        Role::Organizer => !OWNER_PREFIXES.iter().any(|p| pattern.starts_with(p)),
        Role::CheckIn => CHECK_IN_ROUTES
            .iter()
            .any(|(m, p)| *m == method.as_str() && *p == pattern),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_helper_reaches_the_door_and_the_list_only() {
        let get = Method::GET;
        assert!(allows(
            Role::CheckIn,
            &get,
            "/organizer/events/{slug}/check-in"
        ));
        assert!(allows(
            Role::CheckIn,
            &get,
            "/api/v1/events/{slug}/registrations"
        ));
        assert!(!allows(
            Role::CheckIn,
            &Method::PATCH,
            "/api/v1/events/{slug}"
        ));
        assert!(!allows(
            Role::CheckIn,
            &get,
            "/organizer/events/{slug}/edit"
        ));
        assert!(!allows(
            Role::CheckIn,
            &get,
            "/api/v1/events/{slug}/export.csv"
        ));
    }

    #[test]
    fn only_an_owner_reaches_the_team() {
        assert!(allows(Role::Owner, &Method::GET, "/organizer/team"));
        assert!(!allows(Role::Organizer, &Method::GET, "/organizer/team"));
        assert!(allows(Role::Organizer, &Method::POST, "/organizer/events"));
    }
}
