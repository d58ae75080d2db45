//! One integration-test binary (faster to build than many): content, UI strings,
//! storage on real files, and rendered screens.

mod codes_fixture;
mod components;
mod content;
mod crash;
mod data;
mod fuzz;
mod help;
mod i18n;
mod layers;
mod pack;
mod quiz;
mod storage;
mod support;
