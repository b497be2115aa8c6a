//! Store file handling end to end.
