package io.skillwise.catalog.search;

import io.skillwise.catalog.common.BrowsingCache;
import io.skillwise.kit.web.PageView;
import io.skillwise.kit.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

import java.util.Optional;

/** The public course listing: published courses for everyone, plus their own for instructors, all for admins. */
@Service
public class CourseSearchService {

    private static final TypeReference<PageView<CourseListItem>> PAGE = new TypeReference<>() { };

    private final CourseSearchRepository search;
    private final BrowsingCache cache;

    public CourseSearchService(CourseSearchRepository search, BrowsingCache cache) {
        this.search = search;
        this.cache = cache;
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
        CourseSearchRepository.Page page = search.find(query, caller.map(CurrentUser::id).orElse(null),
                caller.map(CurrentUser::isAdmin).orElse(false));
        return PageView.of(page.items(), query.page(), query.size(), page.total());
    }
}
