//! x
pub fn start(){}
