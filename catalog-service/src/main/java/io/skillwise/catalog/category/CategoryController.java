package io.skillwise.catalog.category;

import io.skillwise.catalog.category.CategoryViews.CategoryView;
import io.skillwise.catalog.category.CategoryViews.CreateCategoryRequest;
import io.skillwise.catalog.common.HttpCaching;
import io.skillwise.catalog.common.PageView;
import org.springframework.http.ResponseEntity;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    /** The whole tree: top-level categories as items, sub-categories as their children. */
    @GetMapping
    ResponseEntity<PageView<CategoryView>> tree() {
        return HttpCaching.browsing(PageView.all(categories.tree()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    CategoryView create(@Valid @RequestBody CreateCategoryRequest request) {
        return categories.create(request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('admin')")
    void delete(@PathVariable UUID id) {
        categories.delete(id);
    }
}
