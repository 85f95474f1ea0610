//! The header row: which column holds what. Other systems name their
//! columns in Italian or English, with capitals, accents, spaces or
//! underscores; each column an import reads is known by several names,
//! compared without any of those differences (see [`super::fold`]).

/// Where each recognised column is in a row, and what was ignored.
#[derive(Clone, Debug)]
pub struct Header<C> {
    /// (column, index of its cell), in file order.
    pub positions: Vec<(C, usize)>,
    /// Headers that name no column, as written (empty ones left out).
    pub ignored: Vec<String>,
    /// How many cells the header has.
    pub width: usize,
}

/// Why a header row is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError<C> {
    MissingColumn(C),
    /// Two headers name the same column.
    DuplicateColumn(C),
}

impl<C: Copy + Eq> Header<C> {
    /// Reads the header row with `recognise`: every `required` column
    /// present, none twice.
    pub fn read<'a>(
        cells: impl IntoIterator<Item = &'a str>,
        recognise: impl Fn(&str) -> Option<C>,
        required: &[C],
    ) -> Result<Header<C>, HeaderError<C>> {
        let mut header = Header {
            positions: Vec::new(),
            ignored: Vec::new(),
            width: 0,
        };
        for (index, cell) in cells.into_iter().enumerate() {
            header.width = index + 1;
            match recognise(cell) {
                Some(column) if header.index(column).is_some() => {
                    return Err(HeaderError::DuplicateColumn(column));
                }
                Some(column) => header.positions.push((column, index)),
                None if cell.trim().is_empty() => {}
                None => header.ignored.push(cell.trim().to_owned()),
            }
        }
        if let Some(missing) = required.iter().find(|c| header.index(**c).is_none()) {
            return Err(HeaderError::MissingColumn(*missing));
        }
        Ok(header)
    }

    /// The cell index of `column`, if the file has it.
    pub fn index(&self, column: C) -> Option<usize> {
        self.positions
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, i)| *i)
    }

    /// The recognised columns, in file order.
    pub fn columns(&self) -> Vec<C> {
        self.positions.iter().map(|(c, _)| *c).collect()
    }
}
