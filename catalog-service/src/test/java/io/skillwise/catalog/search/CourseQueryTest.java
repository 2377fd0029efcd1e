package io.skillwise.catalog.search;

import io.skillwise.catalog.search.CourseQuery.Sort;
import io.skillwise.catalog.search.CourseQuery.SortOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CourseQueryTest {

    @Test
    void defaultSortIsRelevanceWhenSearchingElsePopularity() {
        assertThat(CourseQuery.parseSort(null, true)).isEqualTo(new SortOrder(Sort.RELEVANCE, false));
        assertThat(CourseQuery.parseSort(" ", false)).isEqualTo(new SortOrder(Sort.POPULARITY, false));
        assertThat(CourseQuery.parseSort("relevance", false)).isEqualTo(new SortOrder(Sort.POPULARITY, false));
    }

    @Test
    void priceSortsCheapestFirstAndTheRestHighestFirst() {
        assertThat(CourseQuery.parseSort("price", false)).isEqualTo(new SortOrder(Sort.PRICE, true));
        assertThat(CourseQuery.parseSort("rating", false)).isEqualTo(new SortOrder(Sort.RATING, false));
        assertThat(CourseQuery.parseSort("NEWEST,asc", false)).isEqualTo(new SortOrder(Sort.NEWEST, true));
        assertThat(CourseQuery.parseSort("price,desc", false)).isEqualTo(new SortOrder(Sort.PRICE, false));
    }

    @Test
    void unknownSortsAreRefused() {
        assertThatThrownBy(() -> CourseQuery.parseSort("cheapest", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CourseQuery.parseSort("price,up", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CourseQuery.parseSort("price,asc,x", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankFiltersCountAsAbsent() {
        CourseQuery query = new CourseQuery(" ", "", null, null, null, null, null, " ", null, Sort.POPULARITY, false, 0, 20,
                null, null);
        assertThat(query.search()).isNull();
        assertThat(query.category()).isNull();
        assertThat(query.language()).isNull();
    }
}
