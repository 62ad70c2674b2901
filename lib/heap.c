/* heap.c: let the heap grow in large steps backed by huge pages.
 *
 * libgit2 reads the git index entry by entry into small allocations: at
 * 100,000 cases that is ~30 MB touched a page at a time. On the virtual
 * machines we measured (docs/bench.md) a page fault costs tens of
 * microseconds, so reading the index took 126 ms with 4 KiB pages and 42 ms
 * with the heap in transparent huge pages. glibc does this itself only when
 * asked through GLIBC_TUNABLES (glibc.malloc.hugetlb), which a program
 * cannot set for itself; this is the same thing for the main heap. */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "heap.h"

#define HEAP_STEP (64u << 20)
#define HUGE_PAGE (2u << 20)

void
heap_tune(void)
{
#if defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
	/* Small and large blocks from one heap grown 64 MiB at a time and
	 * never given back while the command runs (commands are short). */
	mallopt(M_MMAP_THRESHOLD, 4 * HEAP_STEP);
	mallopt(M_TRIM_THRESHOLD, 4 * HEAP_STEP);
	mallopt(M_TOP_PAD, HEAP_STEP);
	uintptr_t start = (uintptr_t)sbrk(0);
	/* volatile: the compiler would drop a malloc whose block is unused. */
	void *volatile grow = malloc(HEAP_STEP / 2);
	uintptr_t end = (uintptr_t)sbrk(0);
	free(grow);
	start = (start + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
#endif
}
