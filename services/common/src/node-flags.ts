// The V8 flags every PMR process runs with: `pmr` carries them in its `#!` line, and whatever starts a PMR process
// itself (the cluster launcher, the test helpers) passes them before the entry file.
//
// --initial-old-space-size=48: a PMR process keeps a small JS heap (≈ 10 MB live) while it churns through frames,
// tensors and chips. With V8's default limits for so small a heap, the pipeline ran a full mark-compact every
// ≈ 90 ms (47 during the 4.4 s of `pmr analyze short_hamilton_clip.mp4 --skip none`), which cost ≈ 1 CPU-second on
// V8's helper threads plus the pauses. Starting the old generation at 48 MB keeps its limits clear of that: 5–6
// mark-compacts, ≈ 0.7 CPU-s less and ≈ 10–15% less wall time on the 2-core machine, at ≈ +10 MB peak RSS.
// 64 MB saved no more and cost +30 MB on the 1080p crowd clip (391 MB, against the 400 MB budget).
export const NODE_FLAGS: readonly string[] = ['--initial-old-space-size=48'];
