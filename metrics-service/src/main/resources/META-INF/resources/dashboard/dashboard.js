// Draws the dashboard's two charts from the JSON the server embedded in the page (Chart.js, served locally).
(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  if (typeof Chart === 'undefined') {
    document.body.setAttribute('data-charts', 'unavailable');
    return;
  }
  Chart.defaults.animation = false;
  new Chart(document.getElementById('trend'), {
    type: 'line',
    data: {
      labels: data.days,
      datasets: [
        {label: 'Диалоги', data: data.conversations, borderColor: '#2563eb', tension: 0.2},
        {label: 'Лиды', data: data.leads, borderColor: '#16a34a', tension: 0.2},
        {label: 'Записи', data: data.booked, borderColor: '#ea580c', tension: 0.2},
        {label: 'Первый ответ, с (медиана)', data: data.ttfrSeconds, borderColor: '#9333ea', borderDash: [4, 4],
          yAxisID: 'seconds', spanGaps: true}
      ]
    },
    options: {
      responsive: true,
      scales: {
        y: {beginAtZero: true, title: {display: true, text: 'штук'}},
        seconds: {beginAtZero: true, position: 'right', grid: {drawOnChartArea: false},
          title: {display: true, text: 'секунд'}}
      }
    }
  });
  new Chart(document.getElementById('funnel'), {
    type: 'bar',
    data: {labels: data.funnelLabels, datasets: [{label: 'Воронка', data: data.funnel, backgroundColor: '#2563eb'}]},
    options: {indexAxis: 'y', responsive: true, plugins: {legend: {display: false}}}
  });
  document.body.setAttribute('data-charts', 'drawn');
})();
