//! Running out of memory ends the run with an `error:` line and exit code 2,
//! never an abort: [`ExitOnOom`] wraps the binary's global allocator and,
//! when an allocation fails (a request larger than the memory left, or than
//! `ulimit -v` allows), prints what could not be allocated, removes the
//! run's registered temporary files ([`crate::output::interrupt`]) and exits.
//! Without it Rust's default handler prints `memory allocation of N bytes
//! failed` and aborts (exit 134, a core dump, no cleanup).
//!
//! Nothing on that path allocates: the message is formatted into a buffer
//! on the stack.

use std::alloc::{GlobalAlloc, Layout};
use std::io::Write;

/// A global allocator that exits cleanly when the allocator `A` it wraps
/// returns no memory.
#[derive(Debug, Default)]
pub struct ExitOnOom<A>(pub A);

// SAFETY: every call is passed on to `A` unchanged; a null result (the only
// case handled here) does not return at all.
unsafe impl<A: GlobalAlloc> GlobalAlloc for ExitOnOom<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `A::alloc`'s.
        let p = unsafe { self.0.alloc(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { self.0.alloc_zeroed(layout) };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as `alloc`.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `alloc`.
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if p.is_null() {
            out_of_memory(new_size);
        }
        p
    }
}

/// The message for a failed allocation of `bytes`, written into `buf`;
/// returns its length. Allocates nothing.
pub fn message(bytes: usize, buf: &mut [u8]) -> usize {
    let len = buf.len();
    let mut rest = &mut buf[..];
    let mib = bytes >> 20;
    let _ = if mib > 0 {
        writeln!(
            rest,
            "error: out of memory: could not allocate {mib} MiB more; nothing was written \
             (split the input, or give the process more memory)"
        )
    } else {
        writeln!(
            rest,
            "error: out of memory: could not allocate {bytes} bytes more; nothing was written \
             (split the input, or give the process more memory)"
        )
    };
    len - rest.len()
}

fn out_of_memory(bytes: usize) -> ! {
    let mut buf = [0u8; 256];
    let n = message(bytes, &mut buf);
    let _ = std::io::stderr().write_all(&buf[..n]);
    crate::output::interrupt::try_remove_all();
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_size() {
        let mut buf = [0u8; 256];
        let n = message(3 << 30, &mut buf);
        let text = std::str::from_utf8(&buf[..n]).unwrap_or_default();
        assert!(
            text.starts_with("error: out of memory: could not allocate 3072 MiB more;"),
            "{text}"
        );
        assert!(text.ends_with('\n'));
        let n = message(100, &mut buf);
        let text = std::str::from_utf8(&buf[..n]).unwrap_or_default();
        assert!(text.contains("allocate 100 bytes more"), "{text}");
    }

    #[test]
    fn a_successful_allocation_passes_through() {
        let a = ExitOnOom(std::alloc::System);
        let layout = Layout::from_size_align(64, 8).unwrap_or(Layout::new::<u64>());
        // SAFETY: a non-zero layout, freed with the same layout.
        unsafe {
            let p = a.alloc_zeroed(layout);
            assert!(!p.is_null());
            assert_eq!(*p, 0);
            let p = a.realloc(p, layout, 128);
            assert!(!p.is_null());
            a.dealloc(p, Layout::from_size_align(128, 8).unwrap_or(layout));
        }
    }
}
