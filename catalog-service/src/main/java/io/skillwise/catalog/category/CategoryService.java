package io.skillwise.catalog.category;

import io.skillwise.catalog.category.CategoryViews.CategoryView;
import io.skillwise.catalog.category.CategoryViews.CreateCategoryRequest;
import io.skillwise.catalog.category.CategoryViews.UpdateCategoryRequest;
import io.skillwise.catalog.common.CatalogChanged;
import io.skillwise.catalog.common.CategoryRenamed;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The category tree: read by everyone, changed by admins. Other features resolve categories through it. */
@Service
public class CategoryService {

    private final CategoryRepository categories;
    private final ApplicationEventPublisher local;

    public CategoryService(CategoryRepository categories, ApplicationEventPublisher local) {
        this.categories = categories;
        this.local = local;
    }

    @Transactional(readOnly = true)
    public List<CategoryView> tree() {
        List<Category> all = categories.findAll();
        Map<UUID, List<Category>> byParent = new LinkedHashMap<>();
        for (Category category : all) {
            byParent.computeIfAbsent(category.parentId(), k -> new ArrayList<>()).add(category);
        }
        return children(null, byParent);
    }

    /** The category a client named by id or slug, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Category> find(String idOrSlug) {
        return categories.findByKey(idOrSlug);
    }

    /**
     * The ids of the category a client named by id or slug and of all its sub-categories (what a category filter
     * includes); empty when there is no such category.
     */
    @Transactional(readOnly = true)
    public List<UUID> withSubcategories(String idOrSlug) {
        return categories.subtree(idOrSlug);
    }

    @Transactional(readOnly = true)
    public Optional<Category> find(UUID id) {
        return id == null ? Optional.empty() : categories.findById(id);
    }

    @Transactional
    public CategoryView create(CreateCategoryRequest request) {
        String slug = request.slug() != null ? request.slug() : Category.slugOf(request.name());
        if (slug.isEmpty()) {
            throw ApiException.badRequest("The name must contain letters or digits.");
        }
        if (request.parentId() != null && categories.findById(request.parentId()).isEmpty()) {
            throw ApiException.badRequest("The parent category does not exist.");
        }
        if (categories.existsBySlug(slug)) {
            throw ApiException.conflict("A category with slug '" + slug + "' already exists.");
        }
        Category category = new Category(UUID.randomUUID(), request.parentId(), slug, request.name().strip(),
                categories.countChildren(request.parentId()));
        categories.insert(category);
        return new CategoryView(category.id(), category.slug(), category.name(), category.parentId(), List.of());
    }

    /**
     * Renames and/or moves a category. A move under the category itself or one of its sub-categories is refused
     * (400), as is an unknown parent; a slug another category has is 409. Courses follow a rename in the same
     * transaction ({@link CategoryRenamed}); the browsing cache is evicted after the commit.
     */
    @Transactional
    public CategoryView update(UUID id, UpdateCategoryRequest request, CurrentUser admin) {
        if (request.moves()) {
            categories.lockTree();
        }
        Category current = categories.findById(id).orElseThrow(() -> ApiException.notFound("Category " + id));
        String name = request.name() != null ? request.name().strip() : current.name();
        String slug = request.slug() != null ? request.slug() : current.slug();
        if (!slug.equals(current.slug()) && categories.existsBySlug(slug)) {
            throw ApiException.conflict("A category with slug '" + slug + "' already exists.");
        }
        UUID parent = current.parentId();
        int position = current.position();
        if (request.moves() && !Objects.equals(request.parentId(), current.parentId())) {
            parent = request.parentId();
            if (parent != null) {
                if (categories.findById(parent).isEmpty()) {
                    throw ApiException.badRequest("The parent category does not exist.");
                }
                if (categories.isWithin(parent, id)) {
                    throw ApiException.badRequest("A category cannot move under itself or one of its sub-categories.");
                }
            }
            position = categories.countChildren(parent);
        }
        Category updated = new Category(id, parent, slug, name, position);
        categories.update(updated);
        if (!name.equals(current.name()) || !slug.equals(current.slug())) {
            local.publishEvent(new CategoryRenamed(id, admin));
        }
        local.publishEvent(new CatalogChanged(null));
        return find(tree(), id);
    }

    @Transactional
    public void delete(UUID id) {
        categories.findById(id).orElseThrow(() -> ApiException.notFound("Category " + id));
        if (categories.isUsed(id)) {
            throw ApiException.conflict("The category has sub-categories or courses; move them first.");
        }
        categories.delete(id);
    }

    private static CategoryView find(List<CategoryView> views, UUID id) {
        for (CategoryView view : views) {
            if (view.id().equals(id)) {
                return view;
            }
            CategoryView below = find(view.children(), id);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static List<CategoryView> children(UUID parent, Map<UUID, List<Category>> byParent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(c -> new CategoryView(c.id(), c.slug(), c.name(), c.parentId(), children(c.id(), byParent)))
                .toList();
    }
}
