//! The QR code of a confirmed in-person participant: it holds their check-in link
//! (`{public_url}/organizer/check-in/{id}`), which only a signed-in organizer or check-in
//! helper can use. Drawn as SVG for pages, and as PNG for emails, since mail programs show
//! an inline PNG but rarely an SVG.

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};

/// The path of a registration's check-in page, after the public address.
pub fn check_in_path(registration_id: i64) -> String {
    format!("/organizer/check-in/{registration_id}")
}

/// The Content-ID of the QR code attached to a confirmation email.
pub const CONTENT_ID: &str = "check-in-qr";

/// The check-in link of a confirmation's text, to attach the code as an inline image.
pub fn check_in_link_of(text: &str) -> Option<&str> {
    crate::mail::labelled_link(text, "mail-qr-link-label")
}

/// Adds the check-in code to a confirmation: a line with the link in the text, and the
/// image (attached by [`CONTENT_ID`]) in the HTML, for the person to show at the door.
pub fn add_to(mail: &mut super::Composed, link: &str) {
    mail.text.push_str(&format!(
        "\n{}\n{}: {link}\n",
        t!("mail-qr-show"),
        t!("mail-qr-link-label")
    ));
    let figure = maud::html! {
        p { (t!("mail-qr-show-html")) }
        p { img src={"cid:" (CONTENT_ID)} width="228" height="228" alt=(t!("check-in-qr-label")); }
    }
    .into_string();
    match mail.html.rfind("</body>") {
        Some(at) => mail.html.insert_str(at, &figure),
        None => mail.html.push_str(&figure),
    }
}

fn code_of(link: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()
}

/// The code as an SVG element, its size given by the page.
pub fn svg_of(link: &str) -> Option<String> {
    let code = code_of(link)?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

/// Pixels per module of the PNG: large enough for a phone's scanner at arm's length.
const SCALE: usize = 6;
/// Modules of white around the code, as the standard asks.
const QUIET: usize = 4;

/// The code as a greyscale PNG.
pub fn png_of(link: &str) -> Option<Vec<u8>> {
    let code = code_of(link)?;
    let width = code.width();
    let colors = code.to_colors();
    let side = (width + 2 * QUIET) * SCALE;
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (x, y) = ((i % width + QUIET) * SCALE, (i / width + QUIET) * SCALE);
        for row in y..y + SCALE {
            pixels[row * side + x..row * side + x + SCALE].fill(0);
        }
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&pixels).ok()?;
    writer.finish().ok()?;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_in_link_makes_an_svg_and_a_png() {
        let link = format!("https://example.org{}", check_in_path(42));
        let svg = svg_of(&link).unwrap();
        assert!(svg.contains("<svg"), "{svg}");
        let png = png_of(&link).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }

    #[test]
    fn a_confirmation_with_the_code_names_its_link_and_image() {
        let mut mail = super::super::Composed {
            kind: "confirmation",
            subject: "s".into(),
            text: "Dear A,\n".into(),
            html: "<html><body><p>Dear A,</p></body></html>".into(),
            calendar: None,
        };
        add_to(&mut mail, "https://example.org/organizer/check-in/7");
        assert_eq!(
            check_in_link_of(&mail.text),
            Some("https://example.org/organizer/check-in/7")
        );
        assert!(
            mail.html.contains("src=\"cid:check-in-qr\""),
            "{}",
            mail.html
        );
        assert!(mail.html.ends_with("</body></html>"));
    }

    #[test]
    fn a_spanish_confirmation_names_its_check_in_link_in_spanish_and_it_still_reads_back() {
        let spanish = crate::i18n::Language::from_tag("es").unwrap();
        let mut mail = super::super::Composed {
            kind: "confirmation",
            subject: "s".into(),
            text: "Hola, A:\n".into(),
            html: "<html><body><p>Hola, A:</p></body></html>".into(),
            calendar: None,
        };
        crate::i18n::in_language(spanish, || {
            add_to(&mut mail, "https://example.org/organizer/check-in/7")
        });
        assert!(
            mail.text
                .contains("En la puerta, muestre el código QR de este correo"),
            "{}",
            mail.text
        );
        assert!(!mail.text.contains("door"), "{}", mail.text);
        assert!(mail
            .html
            .contains("alt=\"Código QR para registrar la entrada en la puerta\""));
        assert_eq!(
            check_in_link_of(&mail.text),
            Some("https://example.org/organizer/check-in/7")
        );
    }
}
