package io.skillwise.catalog.search;

import io.skillwise.catalog.category.CategoryService;
import io.skillwise.catalog.common.BrowsingCache;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The public course listing: published courses for everyone, plus their own for instructors, all for admins. */
@Service
public class CourseSearchService {

    /** How deep ({@code page * size}) pages by number go; deeper pages are asked for by cursor (keyset paging). */
    public static final int DEEPEST_OFFSET = 10_000;

    private static final TypeReference<PageView<CourseListItem>> PAGE = new TypeReference<>() { };

    private final CourseSearchRepository search;
    private final CategoryService categories;
    private final BrowsingCache cache;
    private final JsonMapper json;

    public CourseSearchService(CourseSearchRepository search, CategoryService categories, BrowsingCache cache,
                               JsonMapper json) {
        this.search = search;
        this.categories = categories;
        this.cache = cache;
        this.json = json;
    }

    /**
     * Where the page starts: at the {@code nextCursor} a client sent back, or at its number, which reaches
     * {@value #DEEPEST_OFFSET} courses deep (an offset must skip every course before it).
     *
     * @throws IllegalArgumentException when the cursor is not one of this listing (other filters or sort), or the
     *                                  page by number is too deep
     */
    public CourseQuery positioned(CourseQuery query, String cursor) {
        if (cursor != null && !cursor.isBlank()) {
            return query.continuedAt(ListingCursor.decode(cursor, query, json));
        }
        if ((long) query.page() * query.size() > DEEPEST_OFFSET) {
            throw new IllegalArgumentException("Pages by number reach " + DEEPEST_OFFSET + " courses deep (page * size); "
                    + "go further with the nextCursor of a page (cursor=...), or narrow the filters.");
        }
        return query;
    }

    /** Anonymous pages come from the browsing cache when they are there. */
    @Transactional(readOnly = true)
    public PageView<CourseListItem> find(CourseQuery query, Optional<CurrentUser> caller) {
        if (caller.isEmpty()) {
            return cache.get("list:" + query, PAGE, () -> load(query, caller));
        }
        return load(query, caller);
    }

    private PageView<CourseListItem> load(CourseQuery query, Optional<CurrentUser> caller) {
        List<UUID> categoryIds = query.category() == null ? null : categories.withSubcategories(query.category());
        CourseSearchRepository.Page page = search.find(query, categoryIds, caller.map(CurrentUser::id).orElse(null),
                caller.map(CurrentUser::isAdmin).orElse(false));
        String nextCursor = page.nextAfter() == null ? null
                : new ListingCursor(query.sort(), query.ascending(), query.number() + 1, page.nextAfter(),
                        query.filterFingerprint()).encode(json);
        return PageView.of(page.items(), query.number(), query.size(), page.total(), page.exact(), nextCursor);
    }
}
