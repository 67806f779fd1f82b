package io.kumo.dashboard.web;

import java.util.List;

/** One page of a list the service returned whole: its items, and whether there are pages before and after. */
public record Paging<T>(List<T> items, int page, int pages, int total) {

    static <T> Paging<T> of(List<T> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        int from = (current - 1) * size;
        return new Paging<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), current, pages,
                all.size());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
