//! Every style the interface uses, in one place. Only the 16 named ANSI colours are used,
//! so it reads the same on any terminal; with `NO_COLOR` set there is no colour at all,
//! only bold, underline and reverse video. Status is always carried by text too.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::delivery::DeliveryRag;
use crate::domain::rag::Rag;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (https://no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub const COLOUR: Theme = Theme { colour: true };
    pub const PLAIN: Theme = Theme { colour: false };

    fn fg(self, c: Color) -> Style {
        if self.colour {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    fn badge(self, bg: Color) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::Black)
                .bg(bg)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// A status letter or word: a coloured badge, or bold text without colour.
    pub fn rag(self, rag: Rag) -> Style {
        match rag {
            Rag::Green => self.badge(Color::Green),
            Rag::Amber => self.badge(Color::Yellow),
            Rag::Red => self.badge(Color::Red),
            Rag::Missing => self.badge(Color::Magenta),
            Rag::None => self.fg(Color::DarkGray),
        }
    }

    /// A delivery item's status letter: as an indicator's, with completed in cyan.
    pub fn delivery(self, rag: DeliveryRag) -> Style {
        match rag {
            DeliveryRag::Green => self.rag(Rag::Green),
            DeliveryRag::Amber => self.rag(Rag::Amber),
            DeliveryRag::Red => self.rag(Rag::Red),
            DeliveryRag::Missing => self.rag(Rag::Missing),
            DeliveryRag::Completed => self.badge(Color::Cyan),
            DeliveryRag::None => self.rag(Rag::None),
        }
    }

    /// A band's letter as coloured text: an empty cell of the heat map.
    pub fn rag_text_delivery(self, rag: DeliveryRag) -> Style {
        match rag {
            DeliveryRag::Green => self.rag_text(Rag::Green),
            DeliveryRag::Amber => self.rag_text(Rag::Amber),
            DeliveryRag::Red => self.rag_text(Rag::Red),
            DeliveryRag::Missing => self.rag_text(Rag::Missing),
            DeliveryRag::Completed => self.fg(Color::Cyan),
            DeliveryRag::None => self.rag_text(Rag::None),
        }
    }

    /// A count of one status: coloured text, so a row of counts stays readable.
    pub fn rag_text(self, rag: Rag) -> Style {
        match rag {
            Rag::Green => self.fg(Color::Green),
            Rag::Amber => self.fg(Color::Yellow),
            Rag::Red => self.fg(Color::LightRed),
            Rag::Missing => self.fg(Color::Magenta),
            Rag::None => self.fg(Color::DarkGray),
        }
    }

    pub fn base(self) -> Style {
        Style::new()
    }

    pub fn dim(self) -> Style {
        if self.colour {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn label(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn border(self) -> Style {
        self.fg(Color::Blue)
    }

    pub fn focus_border(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The selected row: a blue bar in colour, reverse video without.
    pub fn selected(self) -> Style {
        if self.colour {
            Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn tab(self) -> Style {
        self.fg(Color::White)
    }

    pub fn tab_active(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn chart_value(self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::BOLD)
    }

    pub fn chart_target(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn chart_intervention(self) -> Style {
        self.fg(Color::Red)
    }

    pub fn input(self) -> Style {
        if self.colour {
            Style::new().fg(Color::White).bg(Color::Black)
        } else {
            Style::new()
        }
    }

    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
