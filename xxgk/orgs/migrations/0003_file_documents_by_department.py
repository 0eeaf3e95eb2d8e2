"""Give every department its own collection and move its disclosures' attachments there.

Until now every editor held document and image rights on the root collection, so one
department could see and download another's unpublished attachments. The editors' root
grants move to each department's editors' group on the department's own collection.

Names are frozen here rather than imported from xxgk.orgs.roles, which may change later.
Documents attached to no disclosure, or to disclosures of more than one department, and
those already filed in another collection stay where they are.
"""

from collections import defaultdict

from django.db import migrations

# As Wagtail's own wagtailcore 0059 does, the real model only for treebeard's fix_tree, which
# touches nothing but the tree fields: it puts collections back in their order by name.
from wagtail.models import Collection as TreeCollection

EDITOR_ROLE_GROUP = "部门信息员"
MOVED_GRANTS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]
# django-treebeard's materialised path, as Wagtail configures it for collections.
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4
BATCH = 500


def _moved_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return [
        permission
        for app_label, codename in MOVED_GRANTS
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
    ]


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(PATH_ALPHABET))
        digits = PATH_ALPHABET[remainder] + digits
    return digits.rjust(STEP_LENGTH, "0")


def _add_child(Collection, root, name):
    """A last child of the root (historical models lack treebeard's add_child); fix_tree then
    sorts the children by name and counts them."""
    last = (
        Collection.objects.filter(depth=root.depth + 1, path__startswith=root.path)
        .order_by("-path")
        .first()
    )
    serial = int(last.path[-STEP_LENGTH:], len(PATH_ALPHABET)) + 1 if last else 1
    return Collection.objects.create(
        name=name, path=root.path + _step(serial), depth=root.depth + 1, numchild=0
    )


def file_documents_by_department(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Department = apps.get_model("orgs", "Department")
    Document = apps.get_model("wagtaildocs", "Document")
    DisclosureAttachment = apps.get_model("disclosures", "DisclosureAttachment")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    for department in Department.objects.filter(collection=None).order_by("pk"):
        department.collection = _add_child(Collection, root, department.name)
        department.save(update_fields=["collection"])
    TreeCollection.fix_tree(fix_paths=True)
    permissions = _moved_permissions(apps)
    GroupCollectionPermission.objects.filter(
        group__name=EDITOR_ROLE_GROUP, collection=root, permission__in=permissions
    ).delete()
    departments = list(Department.objects.values_list("pk", "editor_group_id", "collection_id"))
    for _, group_id, collection_id in departments:
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group_id=group_id, collection_id=collection_id, permission=permission
            )
    departments_of = defaultdict(set)
    attached = DisclosureAttachment.objects.filter(document__collection=root).values_list(
        "document_id", "page__publishing_department_id"
    )
    for document_id, department_id in attached:
        departments_of[document_id].add(department_id)
    collection_of = {pk: collection_id for pk, _, collection_id in departments}
    documents_of = defaultdict(list)
    for document_id, department_ids in departments_of.items():
        if len(department_ids) == 1:
            documents_of[department_ids.pop()].append(document_id)
    for department_id, document_ids in documents_of.items():
        for start in range(0, len(document_ids), BATCH):
            Document.objects.filter(
                pk__in=document_ids[start : start + BATCH], collection=root
            ).update(collection_id=collection_of[department_id])


def return_documents_to_root(apps, schema_editor):
    """Undo: files back to the root collection, editors' rights back on the root."""
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Department = apps.get_model("orgs", "Department")
    Document = apps.get_model("wagtaildocs", "Document")
    Image = apps.get_model("wagtailimages", "Image")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    department_paths = Collection.objects.filter(department__isnull=False).values_list(
        "path", flat=True
    )
    doomed = Collection.objects.none()
    for path in department_paths:
        doomed |= Collection.objects.filter(path__startswith=path)
    doomed_ids = list(doomed.values_list("pk", flat=True))
    # Documents and images cascade with their collection: move them out first.
    Document.objects.filter(collection_id__in=doomed_ids).update(collection=root)
    Image.objects.filter(collection_id__in=doomed_ids).update(collection=root)
    GroupCollectionPermission.objects.filter(collection_id__in=doomed_ids).delete()
    editors = Group.objects.filter(name=EDITOR_ROLE_GROUP).first()
    if editors is not None:
        for permission in _moved_permissions(apps):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root, permission=permission
            )
    Department.objects.update(collection=None)
    Collection.objects.filter(pk__in=doomed_ids).delete()
    TreeCollection.fix_tree(fix_paths=True)


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0002_department_collection"),
        ("disclosures", "0003_supervision_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(file_documents_by_department, return_documents_to_root),
    ]
