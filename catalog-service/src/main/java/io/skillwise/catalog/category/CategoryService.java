package io.skillwise.catalog.category;

import io.skillwise.catalog.category.CategoryViews.CategoryView;
import io.skillwise.catalog.category.CategoryViews.CreateCategoryRequest;
import io.skillwise.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The category tree: read by everyone, changed by admins. Other features resolve categories through it. */
@Service
public class CategoryService {

    private final CategoryRepository categories;

    public CategoryService(CategoryRepository categories) {
        this.categories = categories;
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

    @Transactional
    public void delete(UUID id) {
        categories.findById(id).orElseThrow(() -> ApiException.notFound("Category " + id));
        if (categories.isUsed(id)) {
            throw ApiException.conflict("The category has sub-categories or courses; move them first.");
        }
        categories.delete(id);
    }

    private static List<CategoryView> children(UUID parent, Map<UUID, List<Category>> byParent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(c -> new CategoryView(c.id(), c.slug(), c.name(), c.parentId(), children(c.id(), byParent)))
                .toList();
    }
}
