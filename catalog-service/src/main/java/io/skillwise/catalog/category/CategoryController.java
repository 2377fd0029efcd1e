package io.skillwise.catalog.category;

import io.skillwise.catalog.category.CategoryViews.CategoryView;
import io.skillwise.catalog.category.CategoryViews.CreateCategoryRequest;
import io.skillwise.catalog.category.CategoryViews.UpdateCategoryRequest;
import io.skillwise.catalog.common.HttpCaching;
import io.skillwise.kit.web.PageView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

@Tag(name = "Categories", description = "The tree of categories courses are filed under")
@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

    private static final Set<String> FIELDS = Set.of("name", "slug", "parentId");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    /** The whole tree: top-level categories as items, sub-categories as their children. */
    @Operation(summary = "The category tree",
            description = "Public: every category, top-level ones as items with their sub-categories as children. "
                    + "Cached by clients with its ETag. Changes nothing.")
    @GetMapping
    ResponseEntity<PageView<CategoryView>> tree() {
        return HttpCaching.browsing(PageView.all(categories.tree()));
    }

    @Operation(summary = "Create a category",
            description = "Admins only. Adds a category at the top level or under parentId; its slug is unique. "
                    + "Publishes no event.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: a blank name, a slug that is not lower-case words joined "
                    + "by hyphens, an unknown parent")
    @ApiResponse(responseCode = "409", description = "`conflict`: the slug is taken")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    CategoryView create(@Valid @RequestBody CreateCategoryRequest request) {
        return categories.create(request);
    }

    /**
     * Renames ({@code name}, {@code slug}) and/or moves ({@code parentId}; {@code null} for the top level) a category.
     * Read as a map so that an absent {@code parentId} (stay) differs from {@code null} (to the top level).
     */
    @Operation(summary = "Rename or move a category",
            description = "Admins only. Changes name and slug, and moves the category (parentId; null for the top "
                    + "level). Its courses follow: their search documents change and each published course "
                    + "publishes CourseUpdated.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: an unknown field, a blank name, a bad slug, an unknown "
                    + "parent, a move under itself")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such category")
    @ApiResponse(responseCode = "409", description = "`conflict`: the slug is taken")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('admin')")
    CategoryView update(@PathVariable UUID id,
                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
                                value = "{\"name\": \"Web development\", \"slug\": \"web-development\", "
                                        + "\"parentId\": \"5b1c7e2a-3d4f-4a6b-8c9d-0e1f2a3b4c5d\"}")))
                        @RequestBody Map<String, Object> body) {
        return categories.update(id, updateRequest(body), CurrentUser.require());
    }

    static UpdateCategoryRequest updateRequest(Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest("Unknown field '" + field + "'; a category has name, slug and parentId.");
            }
        }
        String name = text(body, "name", 120);
        if (body.containsKey("name") && (name == null || name.isBlank())) {
            throw ApiException.badRequest("name must not be blank.");
        }
        String slug = text(body, "slug", 80);
        if (body.containsKey("slug") && (slug == null || !SLUG.matcher(slug).matches())) {
            throw ApiException.badRequest("slug must be lower-case words joined by '-'.");
        }
        UUID parentId = null;
        Object parent = body.get("parentId");
        if (parent != null) {
            try {
                parentId = UUID.fromString((String) parent);
            } catch (ClassCastException | IllegalArgumentException e) {
                throw ApiException.badRequest("parentId must be a category id or null.");
            }
        }
        return new UpdateCategoryRequest(name, slug, body.containsKey("parentId"), parentId);
    }

    private static String text(Map<String, Object> body, String field, int maxLength) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > maxLength) {
            throw ApiException.badRequest(field + " must be a text of at most " + maxLength + " characters.");
        }
        return text;
    }

    @Operation(summary = "Delete a category",
            description = "Admins only. Deletes a category without sub-categories and courses.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such category")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: the category has sub-categories or courses; move them first")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('admin')")
    void delete(@PathVariable UUID id) {
        categories.delete(id);
    }
}
