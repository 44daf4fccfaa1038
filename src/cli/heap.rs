//! The C library's heap for a command that reads the whole council once and exits.

/// By default glibc grows its heap by little more than each request asks, and gives a
/// large block memory of its own from the system (a threshold it raises only as such
/// blocks are freed): a system call, and fresh pages, each time. A whole-council report
/// makes and frees millions of blocks, a council page's tens of megabytes among them, and
/// then exits: its heap grows in 64 MB steps (pages are only used, and counted, once
/// written) and keeps blocks up to 32 MB, glibc's most. Not for the interface, which
/// hands memory back as it goes. At scale 100 `publish` took some 5% less time (paired
/// runs; the gain is in system time and page faults).
pub fn for_one_whole_read() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets the allocator's parameters; called before the command's
    // work begins, with values glibc accepts (a refused value leaves its default).
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 64 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
    }
}
