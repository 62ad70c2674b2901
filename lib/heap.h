/* heap.h: memory tuning for commands that read large repositories. */
#ifndef BTI_HEAP_H
#define BTI_HEAP_H

void heap_tune(void);

#endif
