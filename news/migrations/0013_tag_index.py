# TaggedArticle: each tag link with its article's status and publication time, so
# that a tag's newest public articles are one index range (docs/performance.md,
# "The tag feed"). Filled here from the links in one INSERT … SELECT; going back
# drops the table. news.tag_index keeps it in step from now on.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0012_search_lz4'),
    ]

    operations = [
        migrations.CreateModel(
            name='TaggedArticle',
            fields=[
                ('pk', models.CompositePrimaryKey('article', 'tag', blank=True, editable=False, primary_key=True, serialize=False)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published'), ('withdrawn', 'Withdrawn'), ('trashed', 'In the trash')], max_length=10)),
                ('published_at', models.DateTimeField()),
                ('article', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='tag_entries', to='news.article')),
                ('tag', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='news.tag')),
            ],
            options={
                'verbose_name': 'tag list entry',
                'verbose_name_plural': 'tag list entries',
                'indexes': [models.Index(fields=['tag', 'status', '-published_at', '-article'], name='news_tagged_listing_idx')],
            },
        ),
        migrations.RunSQL(
            "INSERT INTO news_taggedarticle (article_id, tag_id, status, published_at)"
            " SELECT link.article_id, link.tag_id, article.status, article.published_at"
            " FROM news_article_tags link JOIN news_article article ON article.id = link.article_id",
            reverse_sql=migrations.RunSQL.noop,  # the table goes with the model
        ),
    ]
