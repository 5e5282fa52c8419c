//! WebAssembly entry point: mounts the readiness widget, nothing else.
fn main() {
    aims_readiness::ui::start();
}
