//! Freeing a large value without waiting for it.

/// Drops `value` on a thread of its own. A whole council's dataset at a hundred times the
/// demo is some hundred milliseconds of freeing: a command about to exit need not wait for
/// it (the process ends, the thread with it), nor should an interface's next key.
pub fn drop_aside<T: Send + 'static>(value: T) {
    // Should the system refuse a thread, the value is dropped here, with the closure.
    let _ = std::thread::Builder::new()
        .name("pmdb-drop".into())
        .spawn(move || drop(value));
}
