from django.urls import path

from . import seo, views

app_name = "news"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="article_list"),
    path("news/<int:pk>/", views.ArticleDetailView.as_view(), name="article_detail_short"),
    path("news/<int:pk>/<str:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/<int:pk>/", views.EventDetailView.as_view(), name="event_detail_short"),
    path("events/<int:pk>/<str:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("offices/", views.OfficeListView.as_view(), name="office_list"),
    path("offices/<str:slug>/", views.OfficeDetailView.as_view(), name="office_detail"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail_short"),
    path("people/<int:pk>/<str:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("tags/<str:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path("news/<int:pk>/share.png", views.article_share_image, name="article_share"),
    path("preview/<str:token>/", views.PreviewLinkView.as_view(), name="preview_link"),
    path("events/<int:pk>/share.png", views.event_share_image, name="event_share"),
]
