//! Configuration commands end to end.
