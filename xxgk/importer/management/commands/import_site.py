from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from xxgk.importer.services import import_site


class Command(BaseCommand):
    help = "从旧网站导入历史公开信息：清单（CSV/XLSX）+ 文件目录 → 待审查的草稿。"

    def add_arguments(self, parser):
        parser.add_argument("manifest", help="清单文件（.csv 或 .xlsx）")
        parser.add_argument("--files", help="清单中正文文件和附件路径所相对的目录")
        parser.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
        parser.add_argument(
            "--user", help="以哪位信息公开办公室管理员的名义导入（默认：第一个超级管理员）"
        )

    def handle(self, *args, manifest, files, dry_run, user, **options):
        manifest_path = Path(manifest)
        if not manifest_path.is_file():
            raise CommandError(f"找不到清单文件：{manifest}")
        if files and not Path(files).is_dir():
            raise CommandError(f"找不到文件目录：{files}")
        User = get_user_model()
        if user:
            account = User.objects.filter(username=user, is_active=True).first()
        else:
            account = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if account is None:
            raise CommandError("找不到执行导入的账号，请用 --user 指定信息公开办公室管理员。")
        report = import_site(
            manifest_name=manifest_path.name,
            data=manifest_path.read_bytes(),
            files_dir=files,
            user=account,
            dry_run=dry_run,
        )
        for planned in report.to_create:
            verb = "将新建" if dry_run else "已新建"
            self.stdout.write(
                f"第 {planned.row} 行：{verb}「{planned.title}」（事项 {planned.item.item_number}，"
                f"{planned.department.name}，{planned.publication_date}，"
                f"附件 {len(planned.attachments)} 个）"
            )
        for planned in report.skipped:
            self.stdout.write(f"第 {planned.row} 行：已导入过（页面 {planned.existing_id}），跳过")
        for problem in report.problems:
            self.stderr.write(f"第 {problem.row} 行：{problem.message}")
        summary = (
            f"共 {report.rows} 行：新建 {len(report.to_create)}，跳过 {len(report.skipped)}，"
            f"问题 {len(report.problems)}。"
        )
        if report.problems:
            raise CommandError(f"{summary}有问题，未导入任何内容。")
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{summary}（试运行，未写入）"))
        else:
            self.stdout.write(self.style.SUCCESS(f"{summary}已导入为草稿，待审查后公开。"))
