//! All cores, output in order: [`ordered_map`] runs a function over items on a rayon pool
//! sized by the global `-j/--threads` ([`init_pool`]) and hands each result, in input order,
//! to a consumer as soon as it and every result before it are done. At most a small window
//! of items is in flight, so memory is bounded by the files being worked on, not the corpus.
//!
//! Shared by every command that reads many documents (`extract`, `report`, `cites`, `check`,
//! and the reading behind the others). Knows nothing of files or formats.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;

/// The default number of worker threads when `-j` is not given: every core, at most 8.
pub fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
        .min(8)
}

/// Build the process's rayon pool with `threads` workers (None: [`default_threads`]). Called
/// once at the command line's edge; later calls (a command running another in-process) keep
/// the first pool.
pub fn init_pool(threads: Option<usize>) {
    let n = threads.unwrap_or_else(default_threads).max(1);
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("cancu-worker-{i}"))
        .build_global();
}

/// Items a job runs one after the other and hands over together: the consumer is woken once
/// for a few small files rather than once for each (a wake-up costs about as much as reading
/// a small file). The first jobs are smaller, so that the first result comes as early as
/// with one item per job.
const CHUNK: usize = 4;

/// Jobs in flight per worker thread: enough to keep every core busy while one slow file is
/// worked on, few enough to bound memory (at most `CHUNK` times this many items per thread).
const WINDOW_PER_THREAD: usize = 2;

/// Run `f` over `items` on the global pool and pass each result to `emit` in the order of
/// `items`, as soon as it and all before it are done (items are run a few at a time, in
/// order, see [`CHUNK`]). With one thread (`-j1`) everything runs on the calling thread, one
/// item after the other: no hand-over, no wake-up. `emit` runs on the calling thread; its
/// first error stops the run (items in flight are finished and dropped) and is returned. A
/// panic in `f` is carried to the calling thread.
pub fn ordered_map<T, R, E>(
    items: impl IntoIterator<Item = T>,
    f: impl Fn(T) -> R + Sync,
    emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    on_threads(rayon::current_num_threads(), items, f, emit)
}

/// [`ordered_map`] on the calling thread alone (`threads` 1) or on the global pool.
fn on_threads<T, R, E>(
    threads: usize,
    items: impl IntoIterator<Item = T>,
    f: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    if threads <= 1 {
        for item in items {
            emit(f(item))?;
        }
        return Ok(());
    }
    let window = rayon::current_num_threads().max(1) * WINDOW_PER_THREAD;
    type Done<R> = (usize, std::thread::Result<Vec<R>>);
    let (tx, rx) = std::sync::mpsc::channel::<Done<R>>();
    let f = &f;
    rayon::in_place_scope(|scope| {
        let mut items = items.into_iter();
        let mut waiting: BTreeMap<usize, Vec<R>> = BTreeMap::new();
        // Jobs spawned, and the next job whose results go to `emit`.
        let (mut sent, mut next) = (0usize, 0usize);
        let mut result = Ok(());
        loop {
            while result.is_ok() && sent - next < window {
                // The first jobs are smaller (1, 2, then 4 items): the first results come
                // as soon as they would one at a time.
                let size = CHUNK.min(1 << sent.min(8));
                let chunk: Vec<T> = items.by_ref().take(size).collect();
                if chunk.is_empty() {
                    break;
                }
                let tx = tx.clone();
                let i = sent;
                scope.spawn(move |_| {
                    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
                        chunk.into_iter().map(f).collect::<Vec<R>>()
                    }));
                    let _ = tx.send((i, r));
                });
                sent += 1;
            }
            if next == sent {
                break;
            }
            let Ok((i, r)) = rx.recv() else { break };
            match r {
                Ok(r) => {
                    waiting.insert(i, r);
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
            while let Some(rs) = waiting.remove(&next) {
                next += 1;
                for r in rs {
                    if result.is_ok() {
                        result = emit(r);
                    }
                }
            }
            if result.is_err() {
                // Stop: what is in flight finishes (the scope waits for it) unseen.
                break;
            }
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Thread counts tried: the calling thread alone, the pool.
    const THREADS: [usize; 2] = [1, 2];

    #[test]
    fn results_come_in_input_order() {
        // (items, results emitted)
        // Item counts below, at and around a chunk's size and a window's.
        let rows: [(Vec<u64>, Vec<u64>); 7] = [
            (vec![], vec![]),
            (vec![3], vec![9]),
            ((0..4).collect(), vec![0, 1, 4, 9]),
            ((0..5).collect(), vec![0, 1, 4, 9, 16]),
            ((0..7).collect(), vec![0, 1, 4, 9, 16, 25, 36]),
            ((0..33).collect(), (0..33).map(|x| x * x).collect()),
            ((0..200).collect(), (0..200).map(|x| x * x).collect()),
        ];
        for (threads, (items, want)) in rows.iter().flat_map(|r| THREADS.map(|t| (t, r))) {
            let mut got = Vec::new();
            let r: Result<(), ()> = on_threads(
                threads,
                items.clone(),
                |x| {
                    // Later items finish first.
                    std::thread::sleep(std::time::Duration::from_micros(200 - x.min(200)));
                    x * x
                },
                |r| {
                    got.push(r);
                    Ok(())
                },
            );
            assert_eq!(r, Ok(()));
            assert_eq!(&got, want, "{threads} threads: {items:?}");
        }
    }

    #[test]
    fn the_first_error_of_emit_stops_the_run() {
        for threads in THREADS {
            let mut seen = Vec::new();
            let r = on_threads(
                threads,
                0..1000u32,
                |x| x,
                |x| {
                    seen.push(x);
                    if x == 5 {
                        Err(x)
                    } else {
                        Ok(())
                    }
                },
            );
            assert_eq!(r, Err(5), "{threads} threads");
            assert_eq!(seen, vec![0, 1, 2, 3, 4, 5], "{threads} threads");
        }
    }

    /// A panic in `f` reaches the caller, wherever it falls in a chunk, and nothing after it
    /// is emitted.
    #[test]
    fn a_panic_in_f_reaches_the_caller() {
        for (threads, bad) in THREADS
            .into_iter()
            .flat_map(|t| [0u32, 1, 3, 4, 9, 99].map(|b| (t, b)))
        {
            let seen = std::sync::Mutex::new(Vec::new());
            let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
                on_threads(
                    threads,
                    0..100u32,
                    |x| {
                        assert_ne!(x, bad, "item {bad}");
                        x
                    },
                    |x| {
                        if let Ok(mut s) = seen.lock() {
                            s.push(x);
                        }
                        Ok::<(), ()>(())
                    },
                )
            }));
            assert!(r.is_err(), "{threads} threads: {bad}");
            let seen = seen.into_inner().unwrap_or_default();
            assert_eq!(seen, (0..seen.len() as u32).collect::<Vec<_>>());
            assert!(seen.len() <= bad as usize, "{bad}: {seen:?}");
        }
    }
}
