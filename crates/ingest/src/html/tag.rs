//! The element names the parser and the extractor treat specially.

/// Declares [`Tag`] with the lower-case name of every variant.
macro_rules! tags {
    ($($variant:ident = $name:literal,)*) => {
        /// An element name known to the parser; everything else is [`Tag::Other`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub(crate) enum Tag {
            $($variant,)*
            /// Any element name not listed (custom elements, obsolete tags).
            Other,
        }

        impl Tag {
            /// Number of variants, for tables indexed by tag.
            pub(crate) const COUNT: usize = [$(Tag::$variant,)*].len() + 1;

            /// The tag for an element name given in lower case.
            fn from_lowercase(name: &[u8]) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    A = b"a", Abbr = b"abbr", Address = b"address", Applet = b"applet", Area = b"area",
    Article = b"article", Aside = b"aside", Audio = b"audio", B = b"b", Base = b"base",
    Blockquote = b"blockquote", Body = b"body", Br = b"br", Button = b"button",
    Canvas = b"canvas", Caption = b"caption", Center = b"center", Cite = b"cite", Code = b"code",
    Col = b"col", Colgroup = b"colgroup", Dd = b"dd", Details = b"details", Dialog = b"dialog",
    Dir = b"dir", Div = b"div", Dl = b"dl", Dt = b"dt", Em = b"em", Embed = b"embed",
    Fieldset = b"fieldset", Figcaption = b"figcaption", Figure = b"figure", Font = b"font",
    Footer = b"footer", Form = b"form", Frame = b"frame", Frameset = b"frameset", H1 = b"h1",
    H2 = b"h2", H3 = b"h3", H4 = b"h4", H5 = b"h5", H6 = b"h6", Head = b"head",
    Header = b"header", Hgroup = b"hgroup", Hr = b"hr", Html = b"html", I = b"i",
    Iframe = b"iframe", Img = b"img", Input = b"input", Keygen = b"keygen", Label = b"label",
    Legend = b"legend", Li = b"li", Link = b"link", Listing = b"listing", Main = b"main",
    Map = b"map", Marquee = b"marquee", Math = b"math", Menu = b"menu", Meta = b"meta",
    Nav = b"nav", Noembed = b"noembed", Noframes = b"noframes", Noscript = b"noscript",
    Object = b"object", Ol = b"ol", Optgroup = b"optgroup", Option = b"option", P = b"p",
    Param = b"param", Picture = b"picture", Plaintext = b"plaintext", Pre = b"pre", Q = b"q",
    S = b"s", Script = b"script", Section = b"section", Select = b"select", Small = b"small",
    Source = b"source", Span = b"span", Strong = b"strong", Style = b"style", Sub = b"sub",
    Summary = b"summary", Sup = b"sup", Svg = b"svg", Table = b"table", Tbody = b"tbody",
    Td = b"td", Template = b"template", Textarea = b"textarea", Tfoot = b"tfoot", Th = b"th",
    Thead = b"thead", Time = b"time", Title = b"title", Tr = b"tr", Track = b"track",
    U = b"u", Ul = b"ul", Video = b"video", Wbr = b"wbr", Xmp = b"xmp",
}

/// Longer names are never known tags, so they need not be lower-cased.
const LONGEST_KNOWN_NAME: usize = 10;

impl Tag {
    /// The tag for an element name in any case.
    pub(crate) fn from_name(name: &str) -> Tag {
        let bytes = name.as_bytes();
        if bytes.len() > LONGEST_KNOWN_NAME {
            return Tag::Other;
        }
        let mut lower = [0u8; LONGEST_KNOWN_NAME];
        for (slot, byte) in lower.iter_mut().zip(bytes) {
            *slot = byte.to_ascii_lowercase();
        }
        Tag::from_lowercase(&lower[..bytes.len()])
    }

    /// Position in tables indexed by tag.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Elements that never have content or an end tag.
    pub(crate) fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    /// Elements whose content is text up to the matching end tag, never markup.
    pub(crate) fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script | Style | Textarea | Title | Xmp | Iframe | Noembed | Noframes | Noscript
        )
    }

    /// Raw-text elements whose content may contain character references.
    pub(crate) fn decodes_entities(self) -> bool {
        matches!(self, Tag::Textarea | Tag::Title)
    }

    /// Raw-text elements that fall back to ordinary markup when their end tag is missing, so
    /// that one unclosed `<title>` does not swallow a whole page.
    pub(crate) fn needs_end_tag_for_raw_text(self) -> bool {
        matches!(self, Tag::Textarea | Tag::Title | Tag::Xmp)
    }

    /// Elements rendered as their own paragraph (or group of paragraphs).
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Html
                | Legend
                | Li
                | Listing
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Plaintext
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
                | Xmp
        )
    }

    /// Start tags that close an open `<p>`, as in the HTML standard.
    pub(crate) fn closes_paragraph(self) -> bool {
        use Tag::*;
        self.is_heading()
            || matches!(
                self,
                Address
                    | Article
                    | Aside
                    | Blockquote
                    | Center
                    | Details
                    | Dialog
                    | Dir
                    | Div
                    | Dl
                    | Dd
                    | Dt
                    | Fieldset
                    | Figcaption
                    | Figure
                    | Footer
                    | Form
                    | Header
                    | Hgroup
                    | Hr
                    | Li
                    | Listing
                    | Main
                    | Menu
                    | Nav
                    | Ol
                    | P
                    | Plaintext
                    | Pre
                    | Section
                    | Summary
                    | Table
                    | Ul
                    | Xmp
            )
    }

    /// `h1` to `h6`.
    pub(crate) fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Elements that stop the search for an open element to close: phrasing elements may be
    /// closed implicitly across each other, but not across these.
    pub(crate) fn is_structural(self) -> bool {
        self.is_block()
            || matches!(
                self,
                Tag::Applet
                    | Tag::Button
                    | Tag::Marquee
                    | Tag::Object
                    | Tag::Select
                    | Tag::Template
                    | Tag::Svg
                    | Tag::Math
            )
    }

    /// Table parts that an end tag of an ordinary element must not close.
    pub(crate) fn is_table_scope(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Table | Caption | Td | Th | Template | Applet | Marquee | Object | Html
        )
    }

    /// SVG and MathML, whose children follow XML rules (`<x/>` closes itself).
    pub(crate) fn is_foreign(self) -> bool {
        matches!(self, Tag::Svg | Tag::Math)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_case_insensitive() {
        assert_eq!(Tag::from_name("DIV"), Tag::Div);
        assert_eq!(Tag::from_name("BlockQuote"), Tag::Blockquote);
        assert_eq!(Tag::from_name("my-widget"), Tag::Other);
        assert_eq!(Tag::from_name("figcaptions"), Tag::Other);
        assert_eq!(Tag::from_name(""), Tag::Other);
    }

    #[test]
    fn count_covers_other() {
        assert_eq!(Tag::Other.index() + 1, Tag::COUNT);
    }
}
