"""The site search page."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from search.forms import SearchForm
from search.selectors import SearchResults, search_results_get


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    query, page_number, messages = form.query_and_messages()
    results = search_results_get(query=query, page_number=page_number, messages=messages) if query else SearchResults()
    context = {"search_form": form, "query": query, "search_messages": messages, "results": results}
    return render(request, "search/search.html", context)
